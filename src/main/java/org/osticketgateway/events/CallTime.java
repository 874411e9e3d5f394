package org.osticketgateway.events;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the poller's calls cost osTicket: each call's time from request to answer, summed. On
 * loopback that is the server's time (and its queue), which is what the poll budget is about.
 */
final class CallTime {

    private long nanos;
    private long last;

    <T> T measure(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            last = System.nanoTime() - start;
            nanos += last;
        }
    }

    /** The time of the last call measured. */
    Duration last() {
        return Duration.ofNanos(last);
    }

    /** The time summed since the last take. */
    Duration take() {
        Duration spent = Duration.ofNanos(nanos);
        nanos = 0;
        return spent;
    }
}
