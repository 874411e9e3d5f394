package org.osticketgateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * Finds ticket changes by polling search, newest-updated first, down to a watermark less an
 * overlap (osTicket's timestamps have one-second resolution), and compares each ticket with the
 * last state it saw. A ticket's snapshot is saved right after its events went out, the watermark
 * after the whole poll: a failure or restart mid-poll repeats no event and misses none. A poll
 * with no change is one search call. Deletions and tickets turning overdue without an update are
 * found by a sweep over every ticket.
 */
public final class ChangeDetector {

    static final String WATERMARK = "watermark";
    private static final String TICKET = "ticket:";
    private static final int PAGE = SearchQuery.MAX_LIMIT;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final OsTicketClient client;
    private final StateRepository<String, String> state;
    private final Map<String, String> stateView;
    private final Clock clock;
    private final Duration overlap;
    private final String start;
    private Set<String> openStatuses;

    /**
     * {@code stateView} is the map behind {@code state}, read to list the tickets known. {@code start}
     * is {@code now} (take a snapshot, emit nothing), {@code all}, or an ISO 8601 instant.
     */
    public ChangeDetector(OsTicketClient client, StateRepository<String, String> state, Map<String, String> stateView,
                          Clock clock, Duration overlap, String start) {
        this.client = client;
        this.state = state;
        this.stateView = stateView;
        this.clock = clock;
        this.overlap = overlap;
        this.start = start;
    }

    /** One poll; returns the number of search calls it made. */
    public int poll(EventSink sink) throws Exception {
        String mark = state.getState(WATERMARK);
        if (mark == null || mark.isEmpty()) {
            if (start.equals("now")) {
                return baseline();
            }
            mark = start.equals("all") ? Instant.EPOCH.toString() : Instant.parse(start).toString();
        }
        Instant watermark = Instant.parse(mark);
        Instant lower = watermark.minus(overlap);
        Instant newest = null;
        int calls = 0;
        int offset = 0;
        while (true) {
            SearchPage page = client.searchTickets(query(offset));
            calls++;
            List<TicketSummary> tickets = page.tickets();
            if (newest == null) {
                newest = tickets.isEmpty() || tickets.get(0).updated() == null ? watermark : tickets.get(0).updated();
            }
            boolean past = false;
            for (TicketSummary ticket : tickets) {
                if (ticket.updated() != null && ticket.updated().isBefore(lower)) {
                    past = true;
                    break;
                }
                compare(ticket, lower, sink);
            }
            if (past || tickets.size() < PAGE) {
                break;
            }
            // One ticket of overlap between pages: a deletion while paging shifts the rest up by one.
            offset += PAGE - 1;
        }
        // Anything changed while this poll was paging was updated at or after the newest seen first.
        state.setState(WATERMARK, (newest.isAfter(watermark) ? newest : watermark).toString());
        return calls;
    }

    /** Every ticket walked: deleted ones (known but gone) and ones that turned overdue. */
    public void sweep(EventSink sink) throws Exception {
        Set<String> seen = new HashSet<>();
        for (TicketSummary ticket : (Iterable<TicketSummary>) client.searchAll(query(0))::iterator) {
            seen.add(ticket.number());
            TicketSnapshot before = snapshot(ticket.number());
            TicketSnapshot now = TicketSnapshot.of(ticket, isOpen(ticket), clock.instant());
            if (before != null && now.overdue() && !before.overdue()) {
                sink.emit(event("osticket.ticket.overdue", now, clock.instant(), JsonNodeFactory.instance.objectNode()));
                // Only the overdue flag: a change the poll has not seen yet (a reopening, say) stays
                // for the poll to publish.
                save(before.nowOverdue());
            }
        }
        List<String> gone = stateView.entrySet().stream()
                .filter(e -> e.getKey().startsWith(TICKET) && !e.getValue().isEmpty())
                .map(e -> e.getKey().substring(TICKET.length()))
                .filter(number -> !seen.contains(number)).collect(Collectors.toList());
        for (String number : gone) {
            TicketSnapshot last = snapshot(number);
            sink.emit(event("osticket.ticket.deleted", last, clock.instant(), JsonNodeFactory.instance.objectNode()));
            state.setState(TICKET + number, "");
        }
    }

    private int baseline() {
        Instant newest = Instant.EPOCH;
        for (TicketSummary ticket : (Iterable<TicketSummary>) client.searchAll(query(0))::iterator) {
            save(TicketSnapshot.of(ticket, isOpen(ticket), clock.instant()));
            if (ticket.updated() != null && ticket.updated().isAfter(newest)) {
                newest = ticket.updated();
            }
        }
        state.setState(WATERMARK, newest.toString());
        return 0;
    }

    private void compare(TicketSummary ticket, Instant lower, EventSink sink) throws Exception {
        TicketSnapshot before = snapshot(ticket.number());
        TicketSnapshot now = TicketSnapshot.of(ticket, isOpen(ticket), clock.instant());
        Instant when = ticket.updated() == null ? clock.instant() : ticket.updated();
        if (before == null) {
            boolean isNew = ticket.created() == null || !ticket.created().isBefore(lower);
            sink.emit(event(isNew ? "osticket.ticket.created" : "osticket.ticket.updated", now, when,
                    JsonNodeFactory.instance.objectNode()));
            // First seen already overdue (made so between two polls, seen on the lab): say that too.
            if (now.overdue()) {
                sink.emit(event("osticket.ticket.overdue", now, when, JsonNodeFactory.instance.objectNode()));
            }
        } else {
            Map<String, Object[]> changes = before.changesTo(now);
            ObjectNode changed = JsonNodeFactory.instance.objectNode();
            changes.forEach((field, pair) -> changed.set(field, JsonNodeFactory.instance.objectNode()
                    .put("before", pair[0] == null ? null : pair[0].toString())
                    .put("after", pair[1] == null ? null : pair[1].toString())));
            if (changes.containsKey("status")) {
                sink.emit(event("osticket.ticket.status-changed", now, when, changed));
                if (before.open() && !now.open()) {
                    sink.emit(event("osticket.ticket.closed", now, when, changed));
                } else if (!before.open() && now.open()) {
                    sink.emit(event("osticket.ticket.reopened", now, when, changed));
                }
            }
            emitIf(changes, "assignee", "osticket.ticket.assigned", now, when, changed, sink);
            emitIf(changes, "department", "osticket.ticket.department-changed", now, when, changed, sink);
            emitIf(changes, "priority", "osticket.ticket.priority-changed", now, when, changed, sink);
            emitIf(changes, "dueDate", "osticket.ticket.due-date-changed", now, when, changed, sink);
            if (now.overdue() && !before.overdue()) {
                sink.emit(event("osticket.ticket.overdue", now, when, changed));
            }
            if (!changes.isEmpty()) {
                sink.emit(event("osticket.ticket.updated", now, when, changed));
            }
        }
        save(now);
    }

    private void emitIf(Map<String, Object[]> changes, String field, String type, TicketSnapshot now, Instant when,
                        ObjectNode changed, EventSink sink) throws Exception {
        if (changes.containsKey(field)) {
            sink.emit(event(type, now, when, changed));
        }
    }

    /** The same change gives the same id: type, ticket, when, and what changed. */
    private static TicketEvent event(String type, TicketSnapshot ticket, Instant when, ObjectNode changes) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("ticket", JSON.valueToTree(ticket));
        if (!changes.isEmpty()) {
            data.set("changes", changes);
        }
        String basis = type + "|" + ticket.number() + "|" + when + "|" + changes;
        return new TicketEvent(hash(basis), type, ticket.number(), when, data);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isOpen(TicketSummary ticket) {
        if (openStatuses == null) {
            openStatuses = client.listStatuses().stream().filter(s -> "open".equals(s.state()))
                    .map(TicketStatus::name).collect(Collectors.toSet());
        }
        return openStatuses.contains(ticket.status());
    }

    private TicketSnapshot snapshot(String number) {
        String json = state.getState(TICKET + number);
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return JSON.readValue(json, TicketSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(TicketSnapshot snapshot) {
        try {
            state.setState(TICKET + snapshot.number(), JSON.writeValueAsString(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SearchQuery query(int offset) {
        return SearchQuery.all().withPage(PAGE, offset).withSort(SortField.UPDATED, SortOrder.DESC);
    }
}
