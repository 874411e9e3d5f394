package org.osticketgateway.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osticketgateway.osticket.OriginMarker;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * An update job's fire: the tickets its search finds, oldest first, get the changes — at most
 * {@code max-per-run} of them; the rest are left for the next fire. A ticket that already has every
 * change is left alone, and so is one this job changed and nobody has touched since: a capped job
 * with a note or an assignee (which a ticket's summary cannot show) reaches the rest on its next
 * fires instead of noting the same tickets again. A note carries the fire's marker, so that an update cut short by a crash is
 * found on the ticket instead of noted twice; without a note, the changes found on it say it was made.
 */
final class UpdateWork implements JobWork {

    private static final Duration SAME_CHANGE = Duration.ofMinutes(5);

    private final OsTicketClient client;

    UpdateWork(OsTicketClient client) {
        this.client = client;
    }

    @Override
    public void run(FireRun run) {
        TicketChanges changes = run.job().changes();
        List<TicketSummary> found = FoundTickets.search(client, run, "update");
        if (found == null) {
            return;
        }
        List<TicketSummary> todo = found.stream().filter(t -> run.doneBefore(FoundTickets.key(t)) == null)
                .filter(t -> !changes.alreadyOn(t) || run.startedBefore(FoundTickets.key(t)) != null)
                .filter(t -> !untouchedSince(t, run.changedBefore(FoundTickets.key(t)))).toList();
        FoundTickets.upToCap(run, "update", todo, ticket -> update(run, ticket, changes));
    }

    /**
     * Whether the ticket was last updated by this job's change: osTicket's clock and ours may differ
     * a little, so an update within {@link #SAME_CHANGE} after ours counts as ours.
     */
    private static boolean untouchedSince(TicketSummary ticket, Instant changed) {
        return changed != null && ticket.updated() != null && !ticket.updated().isAfter(changed.plus(SAME_CHANGE));
    }

    private void update(FireRun run, TicketSummary ticket, TicketChanges changes) {
        String key = FoundTickets.key(ticket);
        String detail = changes.describe();
        if (run.dryRun()) {
            run.record(key, "update", ticket.number(), JobResult.Outcome.DRY_RUN, "would set " + detail + " on '"
                    + ticket.subject() + "'");
            return;
        }
        TicketRef ref = TicketRef.ofNumber(ticket.number());
        OriginMarker marker = run.marker(key);
        String note = changes.noteFor(run.job().name(), run.at());
        try {
            Instant started = run.startedBefore(key);
            if (started != null && (note == null ? changes.alreadyOn(ticket) : marker.isOn(client.getTicket(ref)))) {
                run.changed(key);
                run.record(key, "update", ticket.number(), JobResult.Outcome.APPLIED, detail
                        + " (updated before an interruption, not again)");
                return;
            }
            run.starting(key);
            client.updateTicket(ref, changes.update(note == null ? null : marker.appendTo(note)));
            run.changed(key);
            run.record(key, "update", ticket.number(), JobResult.Outcome.APPLIED, detail);
        } catch (OsTicketException e) {
            if (e.isRetryable()) {
                throw e;
            }
            run.record(key, "update", ticket.number(), JobResult.Outcome.FAILED, detail + ": " + e.getMessage());
        }
    }
}
