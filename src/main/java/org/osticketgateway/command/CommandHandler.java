package org.osticketgateway.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.OriginMarker;
import org.osticketgateway.osticket.RequestBinding;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * Applies a validated command through the osTicket client and returns the canonical result. A
 * created ticket's first message ends with the command id, so a create interrupted by a crash can
 * be found again instead of being made twice.
 */
public final class CommandHandler {

    /** The create's data field that asks for the whole ticket in the result, under this name. */
    static final String FETCH_TICKET = "fetchTicket";
    static final String FETCHED_TICKET = "ticket";

    private final OsTicketClient client;

    public CommandHandler(OsTicketClient client) {
        this.client = client;
    }

    static OriginMarker marker(String commandId) {
        return OriginMarker.of("command", commandId);
    }

    JsonNode apply(Command command) {
        JsonNode data = command.data();
        Object result = switch (command.type()) {
            case "osticket.ticket.create" -> create(command);
            case "osticket.ticket.update" -> client.updateTicket(ref(data, "ticket"),
                    RequestBinding.bind(data.get("changes"), TicketUpdate.class, "updateTicket"));
            case "osticket.ticket.delete" -> client.deleteTicket(ref(data, "ticket"));
            case "osticket.ticket.get" -> client.getTicket(ref(data, "ticket"));
            case "osticket.subticket.link" -> client.linkSubticket(ref(data, "parent"), ref(data, "child"));
            case "osticket.subticket.unlink" -> client.unlinkSubticket(ref(data, "child"));
            default -> throw new RejectedCommandException("unknown command type '" + command.type() + "'");
        };
        return RequestBinding.tree(result);
    }

    /**
     * One call: the result is what osTicket answered (under the plugin v2.3.4 only the number). The
     * whole ticket costs a second call, made only when the command asks for it with {@code fetchTicket}.
     */
    private JsonNode create(Command command) {
        ObjectNode fields = command.data().deepCopy();
        JsonNode asked = fields.remove(FETCH_TICKET);
        boolean fetch = asked != null && asked.asBoolean();
        NewTicket ticket = RequestBinding.bind(fields, NewTicket.class, "createTicket");
        CreatedTicket created = client.submitTicket(ticket.withMessage(marker(command.id()).appendTo(ticket.message())));
        if (!fetch) {
            return RequestBinding.tree(created);
        }
        Ticket whole = client.getTicket(TicketRef.ofNumber(created.number()));
        ObjectNode result = (ObjectNode) RequestBinding.tree(new CreatedTicket(whole.id(), whole.number(), whole.subject()));
        result.set(FETCHED_TICKET, RequestBinding.tree(whole));
        return result;
    }

    /**
     * After a crash during a create: the ticket it made, if osTicket has one whose first message
     * carries this command's marker and which was created since the command started.
     */
    Optional<JsonNode> findCreated(Command command, Instant started) {
        return marker(command.id()).findCreated(client, command.data().path("subject").asText(), started)
                .map(t -> RequestBinding.tree(new CreatedTicket(t.id(), t.number(), t.subject())));
    }

    /**
     * Whether a failure of a redelivered command only says that its effect is already there: the
     * ticket already deleted, the link already made or removed.
     */
    static boolean alreadyDone(Command command, OsTicketException e) {
        return switch (command.type()) {
            case "osticket.ticket.delete", "osticket.subticket.unlink" -> e.failure() == OsTicketFailure.NOT_FOUND;
            case "osticket.subticket.link" -> e.failure() == OsTicketFailure.CONFLICT;
            default -> false;
        };
    }

    private static TicketRef ref(JsonNode data, String field) {
        return RequestBinding.bind(data.get(field), TicketRef.class, field);
    }
}
