package org.osticketgateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds ticket changes by polling search, newest-updated first, down to a watermark less an
 * overlap (osTicket's timestamps have one-second resolution), and compares each ticket with the
 * last state it saw. A ticket's snapshot is saved right after its events went out, the watermark
 * after the whole poll: a failure or restart mid-poll repeats no event and misses none. A poll
 * with no change is one search call. The sweep finds what no update shows: tickets whose due date
 * passed (from the snapshots, no call) and deleted ones (a stats call; see {@link #sweep}).
 */
public final class ChangeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);
    static final String WATERMARK = TicketStates.WATERMARK;
    private static final int PAGE = SearchQuery.MAX_LIMIT;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final OsTicketClient client;
    private final TicketStates states;
    private final Clock clock;
    private final Duration overlap;
    private final String start;
    private final FirstReadPace firstRead;
    private final CallTime time = new CallTime();
    private Set<String> openStatuses;

    /**
     * {@code stateView} is the map behind {@code state}, read to list the tickets known. {@code start}
     * is {@code now} (take a snapshot, emit nothing), {@code all}, or an ISO 8601 instant; {@code firstRead}
     * paces that snapshot.
     */
    public ChangeDetector(OsTicketClient client, StateRepository<String, String> state, Map<String, String> stateView,
                          Clock clock, Duration overlap, String start, FirstReadPace firstRead) {
        this.client = client;
        this.states = new TicketStates(state, stateView);
        this.clock = clock;
        this.overlap = overlap;
        this.start = start;
        this.firstRead = firstRead;
    }

    /** The tickets this detector knows, as of its last poll. */
    public TicketStates states() {
        return states;
    }

    /** What the calls since the last asking cost osTicket (see {@link CallTime}). */
    public Duration spent() {
        return time.take();
    }

    /** One poll; returns the number of search calls it made. */
    public int poll(EventSink sink) throws Exception {
        String mark = states.watermark();
        if (mark == null) {
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
            SearchQuery query = query(offset);
            SearchPage page = time.measure(() -> client.searchTickets(query));
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
        states.setWatermark(newest.isAfter(watermark) ? newest : watermark, clock.instant());
        return calls;
    }

    /**
     * What no update shows. A ticket turns overdue without an update when its due date passes: the
     * snapshots have the due dates, so that takes no call (osTicket's own overdue flag comes with an
     * update, which the poll sees). A deletion shows as a department holding fewer tickets in the
     * stats than the snapshots say: only such a department is walked, and a ticket missing from it
     * is deleted when fetching it says so (it may have moved). Walking every ticket instead would
     * cost osTicket the square of the helpdesk's size.
     */
    public void sweep(EventSink sink) throws Exception {
        Instant now = clock.instant();
        List<TicketSnapshot> known = states.all().toList();
        for (TicketSnapshot before : known) {
            if (!before.overdue() && before.overdueAt(now)) {
                sink.emit(event("osticket.ticket.overdue", before.nowOverdue(), now,
                        JsonNodeFactory.instance.objectNode()));
                states.save(before.nowOverdue());
            }
        }
        Stats stats = time.measure(() -> client.getStats(StatsQuery.all()));
        Map<String, DepartmentStats> counted = stats.byDepartment().stream()
                .collect(Collectors.toMap(DepartmentStats::name, d -> d, (a, b) -> a));
        Map<String, List<String>> byDepartment = known.stream().collect(Collectors.groupingBy(
                t -> String.valueOf(t.department()), TreeMap::new,
                Collectors.mapping(TicketSnapshot::number, Collectors.toList())));
        for (Map.Entry<String, List<String>> department : byDepartment.entrySet()) {
            DepartmentStats there = counted.get(department.getKey());
            if (there != null && department.getValue().size() <= there.total()) {
                continue;
            }
            Set<String> present = new HashSet<>();
            if (there != null) {
                walk(inDepartment(there), FirstReadPace.unpaced()).forEach(t -> present.add(t.number()));
            }
            for (String number : department.getValue()) {
                if (!present.contains(number) && gone(number)) {
                    sink.emit(event("osticket.ticket.deleted", states.get(number), now,
                            JsonNodeFactory.instance.objectNode()));
                    states.forget(number);
                }
            }
        }
    }

    private boolean gone(String number) {
        try {
            time.measure(() -> client.getTicket(TicketRef.ofNumber(number)));
            return false;
        } catch (OsTicketException e) {
            if (e.failure() == OsTicketFailure.NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    /** Every ticket the query matches, a page at a time; the time of each page's call is measured, and paced. */
    private Iterable<TicketSummary> walk(SearchQuery query, FirstReadPace pace) {
        Iterator<TicketSummary> tickets = client.searchAll(query.withPage(PAGE, 0)).iterator();
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = time.measure(tickets::hasNext);
                pace.after(time.last());
                return more;
            }

            @Override
            public TicketSummary next() {
                return tickets.next();
            }
        };
    }

    /**
     * Every ticket read once, without events. The watermark is the newest update before the walk:
     * whatever changes while it goes on is newer, and the next poll reads it again — so a ticket met
     * changed is not saved, and the poll compares it with what the read saw of it before, if anything
     * (a ticket can move to a slice read later). A restart goes on
     * from the last slice read, with that watermark ({@link FirstReadProgress}). The walk goes a
     * department and a status at a time, because a search costs osTicket time in proportion to the
     * tickets it matches: paging through every ticket costs the square of the helpdesk's size,
     * slices the sum of their squares.
     */
    private int baseline() {
        FirstReadProgress progress = states.firstRead();
        if (progress == null) {
            SearchQuery newestFirst = SearchQuery.all().withPage(1, 0).withSort(SortField.UPDATED, SortOrder.DESC);
            List<TicketSummary> newest = time.measure(() -> client.searchTickets(newestFirst)).tickets();
            progress = FirstReadProgress.from(newest.isEmpty() || newest.get(0).updated() == null ? Instant.EPOCH
                    : newest.get(0).updated());
            states.firstRead(progress);
        } else {
            LOG.info("Ticket events: going on with the first read of the helpdesk, {} department and status slices "
                    + "read before", progress.done().size());
        }
        List<String> statuses = time.measure(client::listStatuses).stream().map(TicketStatus::name).toList();
        List<DepartmentStats> departments = time.measure(() -> client.getStats(StatsQuery.all())).byDepartment();
        int read = 0;
        for (int d = 0; d < departments.size(); d++) {
            SearchQuery department = inDepartment(departments.get(d));
            for (String status : statuses) {
                String slice = department.department() + "/" + status;
                if (progress.done().contains(slice)) {
                    continue;
                }
                for (TicketSummary ticket : walk(department.withStatus(status), firstRead)) {
                    // Changed since the read began: left to the first poll, to compare with what was read before.
                    if (ticket.updated() == null || !ticket.updated().isAfter(progress.mark())) {
                        states.save(TicketSnapshot.of(ticket, isOpen(ticket), clock.instant()));
                    }
                    read++;
                }
                progress = progress.with(slice);
                states.firstRead(progress);
            }
            LOG.info("Ticket events: first read of the helpdesk, department {} ({} of {}) done, {} tickets read "
                    + "(paced by events.first-read-share)", departments.get(d).name(), d + 1, departments.size(), read);
        }
        states.setWatermark(progress.mark(), clock.instant());
        states.firstReadDone();
        // Once, at the first start, paced by its own share: the polls' budget is for what recurs.
        time.take();
        return 0;
    }

    /** Search filtered to one department of the stats: by id where the server gives one, else by name. */
    private static SearchQuery inDepartment(DepartmentStats department) {
        return SearchQuery.all().withDepartment(department.departmentId() == null ? department.name()
                : String.valueOf(department.departmentId()));
    }

    private void compare(TicketSummary ticket, Instant lower, EventSink sink) throws Exception {
        TicketSnapshot before = states.get(ticket.number());
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
        states.save(now);
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
            openStatuses = time.measure(client::listStatuses).stream().filter(s -> "open".equals(s.state()))
                    .map(TicketStatus::name).collect(Collectors.toSet());
        }
        return openStatuses.contains(ticket.status());
    }

    private static SearchQuery query(int offset) {
        return SearchQuery.all().withPage(PAGE, offset).withSort(SortField.UPDATED, SortOrder.DESC);
    }
}
