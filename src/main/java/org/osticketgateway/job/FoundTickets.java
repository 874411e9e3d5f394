package org.osticketgateway.job;

import java.util.List;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.model.TicketSummary;

/** The tickets an update or link job's search finds in a fire, and the cap on how many one fire acts on. */
final class FoundTickets {

    private FoundTickets() {
    }

    /** The key of the action on one found ticket within its fire. */
    static String key(TicketSummary ticket) {
        return "ticket-" + ticket.number();
    }

    /**
     * Every ticket the search finds that is old enough, oldest first; null, with a failed result,
     * when osTicket refuses the search for good.
     */
    static List<TicketSummary> search(OsTicketClient client, FireRun run, String action) {
        TicketSearch search = run.job().search();
        try {
            return client.searchAll(search.searchQuery()).filter(t -> search.isOldEnough(t, run.now()))
                    .sorted(search.oldestFirst()).toList();
        } catch (OsTicketException e) {
            if (e.isRetryable()) {
                throw e;
            }
            run.record("search", action, null, JobResult.Outcome.FAILED, "the search (" + search.describe()
                    + ") failed: " + e.getMessage());
            return null;
        }
    }

    /**
     * Whether this fire has acted on {@code max-per-run} tickets; if so, says once how many are left
     * for the next fire.
     */
    static boolean capReached(FireRun run, String action, int left) {
        if (run.counted(action) < run.job().maxPerRun()) {
            return false;
        }
        if (run.doneBefore("cap") == null) {
            run.record("cap", action, null, JobResult.Outcome.SKIPPED, "max-per-run " + run.job().maxPerRun()
                    + " reached: " + left + " more left for the next fire");
        }
        return true;
    }
}
