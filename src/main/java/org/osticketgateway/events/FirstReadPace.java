package org.osticketgateway.events;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Holds the events flow's first read of a helpdesk ({@code events.start=now}: every ticket once, a
 * page at a time) to a share of osTicket's time: after each call it waits in proportion to what the
 * call cost — at a share of 25%, three times as long. On 100,000 tickets that read costs osTicket
 * about half an hour; unpaced it would keep one of its workers busy all that time.
 */
public final class FirstReadPace {

    /** Shorter waits are added up first: a sleep costs more than its precision is worth. */
    private static final long LEAST_NANOS = Duration.ofMillis(10).toNanos();

    /** How the pace waits (a test's sleeper records what it is asked instead). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final double share;
    private final Sleeper sleeper;
    private long owed;

    /** {@code share}: the part of osTicket's time the first read may take, 0 < share ≤ 1. */
    public FirstReadPace(double share, Sleeper sleeper) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share of osTicket's time must be above 0 and at most 1, not " + share);
        }
        this.share = share;
        this.sleeper = sleeper;
    }

    public static FirstReadPace of(double share) {
        return new FirstReadPace(share, duration -> Thread.sleep(duration.toMillis()));
    }

    /** A first read at the server's own speed. */
    public static FirstReadPace unpaced() {
        return of(1);
    }

    /**
     * A call of the first read cost osTicket {@code cost}: waits what the share asks for it. Interrupted,
     * it ends the read (a {@link CancellationException}); the read's progress is kept.
     */
    void after(Duration cost) {
        owed += (long) (cost.toNanos() * (1 / share - 1));
        if (owed < LEAST_NANOS) {
            return;
        }
        Duration wait = Duration.ofNanos(owed);
        owed = 0;
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            // Stopping (or no longer leading): the read ends here, unpaced calls after it would not be polite.
            Thread.currentThread().interrupt();
            throw new CancellationException("the first read of the helpdesk stopped with the poller; it goes on "
                    + "from its last department and status at the next start");
        }
    }
}
