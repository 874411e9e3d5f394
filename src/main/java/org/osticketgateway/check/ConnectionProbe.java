package org.osticketgateway.check;

import java.util.List;
import java.util.Set;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;

/**
 * Whether osTicket answers at the configured URL, takes the key, and which dialect it speaks (and
 * how that was told). When it does not, nothing else can be probed.
 */
final class ConnectionProbe {

    private static final Set<Flow> START = Set.of(Flow.CONNECTION);

    private final OsTicketClient client;

    ConnectionProbe(OsTicketClient client) {
        this.client = client;
    }

    /** Adds its findings; true when osTicket answered and took the key. */
    boolean run(List<Finding> findings) {
        String url = CheckCommand.shown(client.settings().baseUrl());
        DialectChoice dialect;
        try {
            dialect = client.dialect();
        } catch (OsTicketException e) {
            findings.add(failure(url, e));
            return false;
        }
        try {
            client.getTicket(PermissionProbe.ABSENT);
        } catch (OsTicketException e) {
            // Any answer but "key required" means osTicket knows the key, whatever it may do with it.
            if (e.failure() != OsTicketFailure.NOT_FOUND && e.failure() != OsTicketFailure.FORBIDDEN) {
                findings.add(failure(url, e));
                return false;
            }
        }
        findings.add(Finding.ok("connection", "osTicket answers at " + url));
        findings.add(Finding.ok("api key", "accepted (what it may do: see the permissions below)"));
        boolean plugin = dialect == DialectChoice.PLUGIN;
        findings.add(Finding.ok("dialect", (plugin ? "the API Endpoints plugin v2.3.4 as shipped"
                : "the documented API (reference)") + ", " + client.dialectReason() + (plugin
                ? "; the gateway works around what it drops or ignores (README: Two dialects)" : "")));
        findings.add(Finding.ok("version", "not revealed: no API answer names the osTicket or the plugin version "
                + "(the dialect above is what the answers tell)"));
        return true;
    }

    private static Finding failure(String url, OsTicketException e) {
        return switch (e.failure()) {
            case UNREACHABLE -> Finding.fail("connection", "no answer from " + url + " (" + e.apiMessage()
                    + "): the gateway would not start; check osticket.url (OSTICKET_URL)", START);
            case UNAUTHORIZED -> Finding.fail("api key", "osTicket at " + url + " rejected it (" + e.apiMessage()
                    + "): the gateway would not start; check osticket.api-key (OSTICKET_API_KEY) and the IP address "
                    + "the key is bound to in osTicket", START);
            default -> Finding.fail("connection", url + " does not answer as an osTicket API with the API Endpoints "
                    + "plugin (" + e.getMessage() + "): the gateway would not start; check osticket.url "
                    + "(OSTICKET_URL)", START);
        };
    }
}
