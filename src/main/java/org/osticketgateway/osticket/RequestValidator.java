package org.osticketgateway.osticket;

import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.osticketgateway.osticket.model.Attachment;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * Refuses what the client can see is wrong before any HTTP call, with a message that names the
 * field. The server checks again; this only saves a round trip and gives a clearer error.
 */
final class RequestValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final TimestampCodec timestamps;

    RequestValidator(TimestampCodec timestamps) {
        this.timestamps = timestamps;
    }

    void newTicket(NewTicket ticket) {
        String op = "createTicket";
        required(op, "ticket", ticket);
        requiredText(op, "name", ticket.name());
        requiredText(op, "email", ticket.email());
        requiredText(op, "subject", ticket.subject());
        requiredText(op, "message", ticket.message());
        if (!EMAIL.matcher(ticket.email().trim()).matches()) {
            throw OsTicketException.invalidRequest(op, "email: '" + ticket.email() + "' is not an email address");
        }
        source(op, ticket);
        dueDate(op, ticket.dueDate());
        for (Attachment file : ticket.attachments()) {
            requiredText(op, "attachments[].filename", file.filename());
        }
    }

    /**
     * osTicket takes a ticket from the API only as API, Email or Web: Email needs the id of one of
     * its system emails, Web a help topic. Anything else it refuses with a 500 ("Invalid ticket
     * origin given", "Unknown system email", "Select a Help Topic").
     */
    private static void source(String op, NewTicket ticket) {
        String source = ticket.source() == null ? "api" : ticket.source().trim().toLowerCase(Locale.ROOT);
        switch (source) {
            case "api" -> { }
            case "email" -> {
                if (ticket.emailId() == null || ticket.emailId() < 1) {
                    throw OsTicketException.invalidRequest(op, "emailId: a ticket with source Email needs the id of "
                            + "one of osTicket's system emails");
                }
            }
            case "web" -> {
                if (ticket.topicId() == null) {
                    throw OsTicketException.invalidRequest(op, "topicId: a ticket with source Web needs a help topic");
                }
            }
            default -> throw OsTicketException.invalidRequest(op, "source: osTicket takes API, Email or Web from "
                    + "the API, not '" + ticket.source() + "'");
        }
    }

    void update(TicketRef ticket, TicketUpdate update) {
        String op = "updateTicket";
        required(op, "ticket", ticket);
        required(op, "update", update);
        if (update.isEmpty()) {
            throw OsTicketException.invalidRequest(op, "update: no field to change");
        }
        dueDate(op, update.dueDate());
    }

    void search(SearchQuery query) {
        String op = "searchTickets";
        required(op, "query", query);
        if (query.limit() != null && (query.limit() < 1 || query.limit() > SearchQuery.MAX_LIMIT)) {
            throw OsTicketException.invalidRequest(op, "limit: " + query.limit() + " is outside 1.."
                    + SearchQuery.MAX_LIMIT);
        }
        if (query.offset() != null && query.offset() < 0) {
            throw OsTicketException.invalidRequest(op, "offset: " + query.offset() + " is negative");
        }
    }

    void stats(StatsQuery query) {
        String op = "getStats";
        required(op, "query", query);
        if (query.startDate() != null && query.endDate() != null && query.endDate().isBefore(query.startDate())) {
            throw OsTicketException.invalidRequest(op, "endDate: " + query.endDate() + " is before startDate "
                    + query.startDate());
        }
    }

    void ticket(String operation, String field, TicketRef ticket) {
        required(operation, field, ticket);
    }

    void link(TicketRef parent, TicketRef child) {
        String op = "linkSubticket";
        required(op, "parent", parent);
        required(op, "child", child);
        if (parent.sameTicketAs(child)) {
            throw OsTicketException.invalidRequest(op, "child: a ticket cannot be its own parent (" + parent + ")");
        }
    }

    private void dueDate(String operation, String value) {
        if (value == null) {
            return;
        }
        try {
            timestamps.toServerForm(value);
        } catch (DateTimeParseException e) {
            throw OsTicketException.invalidRequest(operation, "dueDate: '" + value
                    + "' is not an ISO 8601 date or date-time");
        }
    }

    private static void required(String operation, String field, Object value) {
        if (value == null) {
            throw OsTicketException.invalidRequest(operation, field + " is required");
        }
    }

    private static void requiredText(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw OsTicketException.invalidRequest(operation, field + " is required");
        }
    }
}
