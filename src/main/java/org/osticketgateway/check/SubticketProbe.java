package org.osticketgateway.check;

import java.util.List;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.SubticketCrash;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.TicketRef;

/**
 * Subtickets: the children and the parent of a ticket, asked as link and unlink commands ask them.
 * The stock plugin v2.3.4 crashes on every subticket call; this is recognised and its fix named.
 * Linking is not tried: it would take a second ticket.
 */
final class SubticketProbe {

    private final OsTicketClient client;

    SubticketProbe(OsTicketClient client) {
        this.client = client;
    }

    /** On a ticket that exists (the check's own), or on one that cannot when none was written. */
    List<Finding> run(TicketRef ticket, boolean exists) {
        try {
            List<RelatedTicket> children = client.listChildren(ticket);
            boolean hasParent = client.getParent(ticket).isPresent();
            String seen = exists ? children.size() + " children and " + (hasParent ? "a parent" : "no parent")
                    + " for ticket " + ticket : "404 for a ticket that does not exist";
            return List.of(Finding.ok("subtickets", "listing children and asking for the parent work (" + seen
                    + "); link and unlink were not tried, as that takes a second ticket"));
        } catch (OsTicketException e) {
            if (!exists && e.failure() == OsTicketFailure.NOT_FOUND) {
                return List.of(Finding.ok("subtickets", "the endpoints answer (404 for a ticket that does not exist); "
                        + "listing a real ticket's children was not tried, as no ticket was written"));
            }
            if (SubticketCrash.is(e)) {
                return List.of(Finding.warn("subtickets", "every subticket call crashes: 200 text/html \"Fatal error: "
                                + SubticketCrash.TEXT + " ... exhausted\", the stock plugin v2.3.4's bug (its getApiKey() recurses "
                                + "into osTicket core's); link and unlink commands fail with a clear reason "
                                + "(UNREADABLE_RESPONSE, not retried, dead-lettered); a child can be created with its "
                                + "parent set (\"parent\" on osticket.ticket.create), which works on the stock plugin"),
                        Finding.warn("subticket fix", "in the plugin's controllers/SubticketApiController.php rename "
                                + "the method getApiKey() and its two calls in that file to resolveApiKey() (plugin "
                                + "differences, section 4.1); then run this check again"));
            }
            if (e.failure() == OsTicketFailure.FORBIDDEN) {
                return List.of(Finding.warn("subtickets", "not allowed for this key (see permission subtickets)"));
            }
            if (e.failure() == OsTicketFailure.NOT_IMPLEMENTED) {
                return List.of(Finding.warn("subtickets", "not available (" + e.apiMessage() + "): install the "
                        + "Subticket Manager plugin; until then link and unlink commands fail (NOT_IMPLEMENTED)"));
            }
            return List.of(Finding.warn("subtickets", "failed: " + e.getMessage() + "; link and unlink commands "
                    + "would fail the same way"));
        }
    }
}
