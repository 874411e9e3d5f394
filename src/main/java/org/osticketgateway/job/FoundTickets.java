package org.osticketgateway.job;

import java.util.List;
import java.util.function.Consumer;
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
     * Acts on the tickets in order until this fire has acted on {@code max-per-run} of them; then says
     * once how many are left for the next fire.
     */
    static void upToCap(FireRun run, String action, List<TicketSummary> todo, Consumer<TicketSummary> act) {
        for (int i = 0; i < todo.size(); i++) {
            if (run.counted(action) >= run.job().maxPerRun()) {
                if (run.doneBefore("cap") == null) {
                    run.record("cap", action, null, JobResult.Outcome.SKIPPED, "max-per-run " + run.job().maxPerRun()
                            + " reached: " + (todo.size() - i) + " more left for the next fire");
                }
                return;
            }
            act.accept(todo.get(i));
        }
    }
}
