package org.osticketgateway.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often the events poller may call osTicket: a poll (with its sweep) that cost the server
 * {@code cost} is followed by the next one no sooner than {@code cost / share} after it began, and
 * never sooner than the configured delay. A search costs osTicket time in proportion to the tickets
 * it matches, so on a big helpdesk the interval grows; the poller says so when it does.
 */
public final class PollBudget {

    private static final Logger LOG = LoggerFactory.getLogger(PollBudget.class);

    private final Duration minimum;
    private final double share;
    private final Clock clock;
    private Instant next = Instant.MIN;
    private Instant began;
    private Duration interval;
    private Duration told;

    /** {@code share}: the part of osTicket's time the poller may take, 0 < share ≤ 1. */
    public PollBudget(Duration minimum, double share, Clock clock) {
        this.minimum = minimum;
        this.share = share;
        this.clock = clock;
        this.interval = minimum;
        this.told = minimum;
    }

    /** Whether a poll may begin now; when it may, now is when it began. */
    public boolean begin() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return false;
        }
        began = now;
        return true;
    }

    /** The poll that began last cost osTicket {@code cost}; returns the interval to the next. */
    public Duration spent(Duration cost) {
        Duration paced = Duration.ofNanos((long) (cost.toNanos() / share));
        interval = paced.compareTo(minimum) > 0 ? paced : minimum;
        next = began.plus(interval);
        // A change of a quarter or more is news; the jitter of every poll is not.
        long before = told.toMillis();
        if (Math.abs(interval.toMillis() - before) * 4 >= Math.max(before, 1)) {
            LOG.info("Ticket events: a poll cost osTicket {} ms; polling every {} s to take at most {}% of its time "
                    + "(events.server-share)", cost.toMillis(), interval.toMillis() / 1000.0, share * 100);
            told = interval;
        }
        return interval;
    }

    public Duration interval() {
        return interval;
    }

    public double share() {
        return share;
    }
}
