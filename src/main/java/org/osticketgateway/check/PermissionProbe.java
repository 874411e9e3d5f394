package org.osticketgateway.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.SubticketCrash;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * The key's permissions, each probed without writing: get, update, delete and subtickets of a
 * ticket that cannot exist (404 means allowed, "not authorized" means not: osTicket checks the key
 * before it looks the ticket up), a search of one ticket, the statuses, and a create that osTicket
 * refuses for its due date ({@link CreateProbe}).
 */
final class PermissionProbe {

    /**
     * A number osTicket cannot have given (its numbers are digits) whose id is 0, so that no call
     * looks it up first and a delete of it can delete nothing.
     */
    static final TicketRef ABSENT = new TicketRef("osticket-gateway-check", 0L);

    private final OsTicketClient client;
    private final CreateProbe creates;

    PermissionProbe(OsTicketClient client, CreateProbe creates) {
        this.client = client;
        this.creates = creates;
    }

    KeyPermissions run(List<Finding> findings) {
        Map<KeyPermission, PermissionAnswer> answers = new EnumMap<>(KeyPermission.class);
        for (KeyPermission permission : KeyPermission.values()) {
            PermissionAnswer answer = probe(permission);
            answers.put(permission, answer);
            findings.add(answer.finding());
        }
        return new KeyPermissions(answers);
    }

    private PermissionAnswer probe(KeyPermission permission) {
        String absent = "404 for ticket " + ABSENT.number() + ", which does not exist";
        return switch (permission) {
            case CREATE -> create();
            case READ -> byCall(permission, () -> client.getTicket(ABSENT), absent);
            case UPDATE -> byCall(permission, () -> client.updateTicket(ABSENT,
                    TicketUpdate.none().withNote("[osticket-gateway check] permission probe")), absent);
            case DELETE -> byCall(permission, () -> client.deleteTicket(ABSENT), absent);
            case SEARCH -> byCall(permission, () -> client.searchTickets(SearchQuery.all().withPage(1, 0)),
                    "a search of one ticket answered");
            case STATS -> byCall(permission, client::listStatuses, "the statuses answered");
            case SUBTICKETS -> byCall(permission, () -> client.listChildren(ABSENT), absent);
        };
    }

    private PermissionAnswer byCall(KeyPermission permission, Supplier<?> call, String evidence) {
        try {
            call.get();
            return new PermissionAnswer(permission, PermissionAnswer.Access.ALLOWED, evidence);
        } catch (OsTicketException e) {
            if (e.failure() == OsTicketFailure.NOT_FOUND) {
                return new PermissionAnswer(permission, PermissionAnswer.Access.ALLOWED, evidence);
            }
            if (e.failure() == OsTicketFailure.FORBIDDEN) {
                return new PermissionAnswer(permission, PermissionAnswer.Access.DENIED, e.apiMessage());
            }
            if (SubticketCrash.is(e)) {
                return new PermissionAnswer(permission, PermissionAnswer.Access.UNKNOWN,
                        "the subticket endpoints crash before they look at the key (see subtickets)");
            }
            return new PermissionAnswer(permission, PermissionAnswer.Access.UNKNOWN, e.getMessage());
        }
    }

    private PermissionAnswer create() {
        CreateProbeAnswer answer = creates.send(CreateProbe.ticket());
        PermissionAnswer.Access access = switch (answer.outcome()) {
            case PASSED, REFUSED, WRITTEN -> PermissionAnswer.Access.ALLOWED;
            case NOT_AUTHORIZED -> PermissionAnswer.Access.DENIED;
            case UNEXPECTED -> PermissionAnswer.Access.UNKNOWN;
        };
        String evidence = switch (answer.outcome()) {
            case PASSED -> "a create with an unreadable due date was refused for the due date alone; nothing written";
            case REFUSED -> "a create was refused for its content, not for the key: " + answer.detail();
            case WRITTEN -> "a create meant to be refused was taken: " + answer.detail();
            case NOT_AUTHORIZED, UNEXPECTED -> answer.detail();
        };
        return new PermissionAnswer(KeyPermission.CREATE, access, evidence);
    }
}
