package org.osticketgateway.events;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the poller's calls cost osTicket: each call's time from request to answer, summed. On
 * loopback that is the server's time (and its queue), which is what the poll budget is about.
 */
final class CallTime {

    private long nanos;

    <T> T measure(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /** The time summed since the last take. */
    Duration take() {
        Duration spent = Duration.ofNanos(nanos);
        nanos = 0;
        return spent;
    }
}
