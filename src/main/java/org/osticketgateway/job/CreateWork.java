package org.osticketgateway.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osticketgateway.osticket.OriginMarker;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.SubticketCrash;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * A create job's fire: the ticket from the template, assigned where the job says; for a checklist
 * then each child, linked under it through the subticket API. Where those endpoints crash (the stock
 * plugin v2.3.4) or refuse, the children are created with their parent set instead, and their results
 * say so.
 * A ticket whose create was cut short is found by its marker instead of being made twice.
 */
final class CreateWork implements JobWork {

    /** What a dry run calls the tickets it would make. */
    private static final String DRY_RUN_NUMBER = "new";

    private final OsTicketClient client;

    CreateWork(OsTicketClient client) {
        this.client = client;
    }

    @Override
    public void run(FireRun run) {
        TicketTemplate template = run.job().ticket();
        String job = run.job().name();
        String parent = create(run, "parent", template.ticket(job, run.at()), "");
        if (!template.isChecklist() || parent == null) {
            return;
        }
        TicketRef parentRef = TicketRef.ofNumber(parent);
        List<String> linked = List.of();
        String noLinks = null;
        if (!run.dryRun()) {
            try {
                linked = client.listChildren(parentRef).stream().map(RelatedTicket::number).toList();
            } catch (OsTicketException e) {
                if (e.isRetryable()) {
                    throw e;
                }
                noLinks = SubticketCrash.is(e) ? "this osTicket's subticket endpoints crash, the stock plugin v2.3.4's "
                        + "bug" : "listing its children failed: " + e.getMessage();
            }
        }
        for (int i = 0; i < template.children().size(); i++) {
            NewTicket child = template.child(job, run.at(), template.children().get(i));
            if (noLinks == null) {
                String number = create(run, "child-" + (i + 1), child, " (child of #" + parent + ")");
                if (number != null) {
                    link(run, "link-" + (i + 1), parentRef, number, linked);
                }
            } else {
                create(run, "child-" + (i + 1), child.withParent(parentRef), " (child of #" + parent
                        + ", its parent set on create: " + noLinks + ")");
            }
        }
    }

    /** Creates the ticket once for this fire; its number, or null when osTicket refused it. */
    private String create(FireRun run, String key, NewTicket ticket, String what) {
        JobResult before = run.doneBefore(key);
        if (before != null) {
            return before.ticket();
        }
        String assignee = run.job().ticket().assignee();
        String detail = "'" + ticket.subject() + "'" + what + (assignee == null ? "" : ", assigned to " + assignee);
        if (run.dryRun()) {
            run.record(key, "create", null, JobResult.Outcome.DRY_RUN, "would create " + detail);
            return DRY_RUN_NUMBER;
        }
        OriginMarker marker = run.marker(key);
        String number = null;
        try {
            Instant started = run.startedBefore(key);
            Optional<Ticket> made = started == null ? Optional.empty()
                    : marker.findCreated(client, ticket.subject(), started);
            if (made.isPresent()) {
                number = made.get().number();
                detail += " (created before an interruption, not again)";
            } else {
                run.starting(key);
                number = client.createTicket(ticket.withMessage(marker.appendTo(ticket.message()))).number();
            }
            if (assignee != null) {
                client.updateTicket(TicketRef.ofNumber(number), new TicketUpdate(null, null, null, null, assignee,
                        null, null, null, null));
            }
            run.record(key, "create", number, JobResult.Outcome.APPLIED, detail);
            return number;
        } catch (OsTicketException e) {
            if (e.isRetryable()) {
                throw e;
            }
            run.record(key, "create", number, JobResult.Outcome.FAILED, (number == null ? "" : "created, but ")
                    + detail + ": " + e.getMessage());
            return number;
        }
    }

    private void link(FireRun run, String key, TicketRef parent, String child, List<String> linked) {
        if (run.doneBefore(key) != null) {
            return;
        }
        String detail = "#" + child + " under #" + parent.number();
        if (run.dryRun()) {
            run.record(key, "link", null, JobResult.Outcome.DRY_RUN, "would link it under the new ticket");
            return;
        }
        if (linked.contains(child)) {
            run.record(key, "link", child, JobResult.Outcome.APPLIED, detail + " (linked before an interruption)");
            return;
        }
        Instant started = run.startedBefore(key);
        run.starting(key);
        try {
            client.linkSubticket(parent, TicketRef.ofNumber(child));
            run.record(key, "link", child, JobResult.Outcome.APPLIED, detail);
        } catch (OsTicketException e) {
            if (e.isRetryable()) {
                throw e;
            }
            boolean already = started != null && e.failure() == OsTicketFailure.CONFLICT;
            run.record(key, "link", child, already ? JobResult.Outcome.APPLIED : JobResult.Outcome.FAILED,
                    detail + (already ? " (linked before an interruption)" : ": " + e.getMessage()));
        }
    }
}
