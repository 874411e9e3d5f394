package org.osticketgateway.job;

import java.time.Instant;
import java.util.List;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.SubticketCrash;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * A link job's fire: the tickets its search finds, oldest first, are linked under the parent ticket
 * through the subticket API — at most {@code max-per-run}, those already under it skipped. Where the
 * subticket endpoints crash (the stock plugin v2.3.4) nothing can be linked, and the fire says so.
 */
final class LinkWork implements JobWork {

    private final OsTicketClient client;

    LinkWork(OsTicketClient client) {
        this.client = client;
    }

    @Override
    public void run(FireRun run) {
        String parent = run.job().parent();
        TicketRef parentRef = TicketRef.ofNumber(parent);
        List<String> linked;
        try {
            linked = client.listChildren(parentRef).stream().map(RelatedTicket::number).toList();
        } catch (OsTicketException e) {
            if (e.isRetryable()) {
                throw e;
            }
            run.record("children", "link", parent, JobResult.Outcome.FAILED, SubticketCrash.is(e)
                    ? "nothing linked: this osTicket's subticket endpoints crash (the stock plugin v2.3.4's bug; "
                    + "run check for its fix)" : "cannot list the children of #" + parent + ": " + e.getMessage());
            return;
        }
        List<TicketSummary> found = FoundTickets.search(client, run, "link");
        if (found == null) {
            return;
        }
        List<TicketSummary> todo = found.stream().filter(t -> !t.number().equals(parent))
                .filter(t -> !linked.contains(t.number()) || run.startedBefore(FoundTickets.key(t)) != null)
                .filter(t -> run.doneBefore(FoundTickets.key(t)) == null).toList();
        FoundTickets.upToCap(run, "link", todo, ticket -> link(run, parentRef, ticket, linked));
    }

    private void link(FireRun run, TicketRef parent, TicketSummary child, List<String> linked) {
        String key = FoundTickets.key(child);
        String detail = "'" + child.subject() + "' under #" + parent.number();
        if (run.dryRun()) {
            run.record(key, "link", child.number(), JobResult.Outcome.DRY_RUN, "would link " + detail);
            return;
        }
        Instant started = run.startedBefore(key);
        if (started != null && linked.contains(child.number())) {
            run.record(key, "link", child.number(), JobResult.Outcome.APPLIED, detail
                    + " (linked before an interruption)");
            return;
        }
        run.starting(key);
        try {
            client.linkSubticket(parent, TicketRef.ofNumber(child.number()));
            run.record(key, "link", child.number(), JobResult.Outcome.APPLIED, detail);
        } catch (OsTicketException e) {
            if (e.isRetryable()) {
                throw e;
            }
            run.record(key, "link", child.number(), e.failure() == OsTicketFailure.CONFLICT && started != null
                    ? JobResult.Outcome.APPLIED : JobResult.Outcome.FAILED, detail + ": " + e.getMessage());
        }
    }
}
