package org.osticketgateway.job;

import java.time.Instant;
import java.util.Locale;
import org.osticketgateway.osticket.model.TicketSummary;

/** Which of a ticket's times a search's "older than" is measured from. */
public enum AgeBy {
    CREATED, UPDATED, DUE;

    /** The time, or null where the ticket has none (no due date). */
    Instant of(TicketSummary ticket) {
        return switch (this) {
            case CREATED -> ticket.created();
            case UPDATED -> ticket.updated();
            case DUE -> ticket.dueDate();
        };
    }

    static AgeBy parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " must be created, updated or due, not '" + value + "'");
        }
    }
}
