package org.osticketgateway.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Spends each call's time as its {@link TimingProfile} says — a PHP worker for the whole call, a core
 * for its work, first come first served — and adds up the server time spent and the calls made.
 */
final class ServerClock {

    private final TimingProfile profile;
    private final Semaphore workers;
    private final Semaphore cores;
    private final LongAdder serverNanos = new LongAdder();
    private final Map<ApiOperation, LongAdder> calls = new EnumMap<>(ApiOperation.class);

    ServerClock(TimingProfile profile) {
        this.profile = profile;
        this.workers = new Semaphore(Math.min(profile.workers(), Integer.MAX_VALUE / 2), true);
        this.cores = new Semaphore(Math.min(profile.cores(), Integer.MAX_VALUE / 2), true);
        for (ApiOperation operation : ApiOperation.values()) {
            calls.put(operation, new LongAdder());
        }
    }

    /** Takes as long as a call of {@code operation} that walked {@code tickets} tickets takes the server. */
    void spend(ApiOperation operation, int tickets) {
        calls.get(operation).increment();
        OperationTime time = profile.time(operation);
        long work = time.work(tickets).toNanos();
        long latency = time.latency().toNanos();
        serverNanos.add(work + latency);
        if (!profile.waits() || work + latency == 0) {
            return;
        }
        workers.acquireUninterruptibly();
        try {
            cores.acquireUninterruptibly();
            try {
                LockSupport.parkNanos(work);
            } finally {
                cores.release();
            }
            LockSupport.parkNanos(latency);
        } finally {
            workers.release();
        }
    }

    Duration serverTime() {
        return Duration.ofNanos(serverNanos.sum());
    }

    Map<ApiOperation, Long> callCounts() {
        Map<ApiOperation, Long> counts = new EnumMap<>(ApiOperation.class);
        calls.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }
}
