package org.osticketgateway.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;

/**
 * Whether osTicket answers at all: its lightest call, the statuses, succeeds with the configured
 * key — asked after each failure, so that a yes is always fresh. A no is kept for a few seconds, so
 * that a batch of failing mails during an outage asks once, not once per mail (an unanswered
 * connect can take the whole connect timeout).
 */
public final class OsTicketReadiness implements BooleanSupplier {

    private static final Duration KEPT = Duration.ofSeconds(5);

    private final OsTicketClient client;
    private final Clock clock;
    private Instant silentUntil = Instant.MIN;

    public OsTicketReadiness(OsTicketClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        Instant now = clock.instant();
        if (now.isBefore(silentUntil)) {
            return false;
        }
        if (ask()) {
            return true;
        }
        silentUntil = now.plus(KEPT);
        return false;
    }

    private boolean ask() {
        try {
            client.listStatuses();
            return true;
        } catch (OsTicketException e) {
            return false;
        }
    }
}
