package org.osticketgateway.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;

/**
 * Whether osTicket answers at all: its lightest call, the statuses, gets an answer — a refusal
 * too (a key without the stats permission is refused, by a server that answers). Asked after each
 * failure, so that a yes is always fresh. A no is kept for a few seconds from when it came, and
 * one call asks at a time, so that a batch of failing mails during an outage waits for one probe
 * instead of making one each (an unanswered connect takes the whole connect timeout).
 */
public final class OsTicketReadiness implements BooleanSupplier {

    private static final Duration KEPT = Duration.ofSeconds(5);

    private final OsTicketClient client;
    private final Clock clock;
    private final Object probing = new Object();
    private volatile Instant silentUntil = Instant.MIN;

    public OsTicketReadiness(OsTicketClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public boolean getAsBoolean() {
        synchronized (probing) {
            if (clock.instant().isBefore(silentUntil)) {
                return false;
            }
            if (answers()) {
                return true;
            }
            silentUntil = clock.instant().plus(KEPT);
            return false;
        }
    }

    private boolean answers() {
        try {
            client.listStatuses();
            return true;
        } catch (OsTicketException e) {
            return !e.isRetryable();
        }
    }
}
