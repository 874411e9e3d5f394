package org.osticketgateway.sandbox;

import java.time.Duration;

/**
 * What one call of an operation costs the server: {@code work} on one of its cores, plus
 * {@code perTicket} for every ticket the call walks (search: the tickets its filters match, before
 * the limit; stats: every ticket), and {@code latency} spent waiting without a core (the
 * database's commits).
 */
public record OperationTime(Duration latency, Duration work, Duration perTicket) {

    static final OperationTime FREE = new OperationTime(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** The time on a core of a call that walks {@code tickets} tickets. */
    Duration work(int tickets) {
        return work.plus(perTicket.multipliedBy(tickets));
    }
}
