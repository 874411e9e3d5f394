package org.osticketgateway.osticket;

import java.time.Instant;
import java.util.Optional;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;

/**
 * A line ending what the gateway writes into osTicket, naming what it came from (a command, a
 * mail). The API takes no idempotency key, so after a crash mid-call this line is how the gateway
 * finds out whether the call took effect instead of making the ticket or note twice.
 */
public record OriginMarker(String text) {

    public static OriginMarker of(String kind, String id) {
        return new OriginMarker("[osticket-gateway " + kind + " " + id + "]");
    }

    /** The message or note with this marker on a line of its own at the end. */
    public String appendTo(String message) {
        return message + "\n\n" + text;
    }

    /** The ticket with this subject, created since {@code started}, whose first message carries the marker. */
    public Optional<Ticket> findCreated(OsTicketClient client, String subject, Instant started) {
        return client.searchAll(SearchQuery.all().withQuery(subject))
                .filter(t -> subject.equals(t.subject()))
                .filter(t -> t.created() == null || !t.created().isBefore(started.minusSeconds(60)))
                .map(t -> client.getTicket(new TicketRef(t.number(), t.id())))
                .filter(t -> !t.thread().isEmpty() && carries(t.thread().get(0).body()))
                .findFirst();
    }

    /** Whether any entry of the ticket's thread carries the marker (a note already added). */
    public boolean isOn(Ticket ticket) {
        return ticket.thread().stream().anyMatch(entry -> carries(entry.body()));
    }

    /** As written, or as osTicket keeps it in HTML (the plugin's bodies are HTML). */
    private boolean carries(String body) {
        return body != null && (body.contains(text) || body.contains(PluginHtml.escape(text)));
    }
}
