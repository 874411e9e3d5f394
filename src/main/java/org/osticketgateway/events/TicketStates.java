package org.osticketgateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.NamedCount;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsCounts;

/**
 * What the events poller knows of osTicket: the last snapshot of every ticket it has seen and the
 * watermark of its last poll, kept in a state repository. Counting from here costs osTicket nothing;
 * the numbers are as of the last poll.
 */
public final class TicketStates {

    static final String WATERMARK = "watermark";
    static final String POLLED = "polled";
    private static final String FIRST_READ = "first-read";
    private static final String TICKET = "ticket:";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final StateRepository<String, String> state;
    private final Map<String, String> view;

    /** {@code view} is the map behind {@code state}, read to list the tickets known. */
    public TicketStates(StateRepository<String, String> state, Map<String, String> view) {
        this.state = state;
        this.view = view;
    }

    /** Null before the first poll. */
    String watermark() {
        String mark = state.getState(WATERMARK);
        return mark == null || mark.isEmpty() ? null : mark;
    }

    void setWatermark(Instant mark, Instant polledAt) {
        state.setState(WATERMARK, mark.toString());
        state.setState(POLLED, polledAt.toString());
    }

    /** The first read under way, or null when none is. */
    FirstReadProgress firstRead() {
        return parse(state.getState(FIRST_READ), FirstReadProgress.class);
    }

    void firstRead(FirstReadProgress progress) {
        write(FIRST_READ, progress);
    }

    void firstReadDone() {
        state.setState(FIRST_READ, "");
    }

    /** When the last poll ended; null when there has been none, so that nothing is known yet. */
    public Instant polledAt() {
        String at = state.getState(POLLED);
        return at == null || at.isEmpty() ? null : Instant.parse(at);
    }

    TicketSnapshot get(String number) {
        return parse(state.getState(TICKET + number), TicketSnapshot.class);
    }

    void save(TicketSnapshot snapshot) {
        write(TICKET + snapshot.number(), snapshot);
    }

    void forget(String number) {
        state.setState(TICKET + number, "");
    }

    /** Every ticket known, as last seen. */
    public Stream<TicketSnapshot> all() {
        return view.entrySet().stream()
                .filter(e -> e.getKey().startsWith(TICKET) && !e.getValue().isEmpty())
                .map(e -> parse(e.getValue(), TicketSnapshot.class));
    }

    /**
     * The stats as these snapshots count them at {@code now}: global and per department, by status
     * and priority (every ticket); overdue means open and past its due date, or so marked. Answered
     * counts only when every open ticket says; staff are not broken down.
     */
    public Stats stats(Instant now) {
        List<TicketSnapshot> tickets = all().toList();
        List<TicketSnapshot> open = tickets.stream().filter(TicketSnapshot::open).toList();
        Long answered = open.stream().allMatch(t -> t.answered() != null)
                ? open.stream().filter(t -> t.answered()).count() : null;
        long assigned = open.stream().filter(t -> t.assignee() != null).count();
        StatsCounts global = new StatsCounts(tickets.size(), open.size(), tickets.size() - open.size(), null, null,
                open.stream().filter(t -> t.overdueAt(now)).count(), answered,
                answered == null ? null : open.size() - answered, assigned, open.size() - assigned);
        List<DepartmentStats> departments = tickets.stream()
                .collect(Collectors.groupingBy(t -> String.valueOf(t.department()), TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> {
                    List<TicketSnapshot> theirs = e.getValue();
                    long openThere = theirs.stream().filter(TicketSnapshot::open).count();
                    return new DepartmentStats(null, e.getKey(), theirs.size(), openThere, theirs.size() - openThere,
                            theirs.stream().filter(t -> t.overdueAt(now)).count(), null,
                            theirs.stream().filter(t -> t.open() && t.assignee() != null).count());
                }).toList();
        return new Stats(global, departments, List.of(), counts(tickets, TicketSnapshot::status),
                counts(tickets, TicketSnapshot::priority), null);
    }

    private static List<NamedCount> counts(List<TicketSnapshot> tickets, Function<TicketSnapshot, String> by) {
        return tickets.stream().collect(Collectors.groupingBy(t -> String.valueOf(by.apply(t)), TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> new NamedCount(null, e.getKey(), e.getValue())).toList();
    }

    private void write(String key, Object value) {
        try {
            state.setState(key, JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null for a key never set or emptied. */
    private static <T> T parse(String json, Class<T> type) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
