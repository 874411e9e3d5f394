package org.osticketgateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.RequestBinding;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;

/**
 * The stats side of the events: a snapshot of the canonical stats, and a threshold event when
 * the overdue tickets of a department pass the configured limit — once per crossing, with a
 * cleared event when they fall back, never once per poll. The stats come from osTicket's stats
 * endpoint, or from the events poller's ticket state: osTicket's endpoint reads every ticket each
 * time (about 1 ms a ticket on osTicket 1.18.1), the state costs it nothing.
 */
public final class StatsEvents {

    private static final String CROSSED = "threshold:overdue:";

    private final Supplier<Stats> source;
    private final StateRepository<String, String> state;
    private final Clock clock;
    private final int overdueLimit;

    /** {@code overdueLimit} 0 means no threshold events. */
    public StatsEvents(OsTicketClient client, StateRepository<String, String> state, Clock clock, int overdueLimit) {
        this(() -> client.getStats(StatsQuery.all()), state, clock, overdueLimit);
    }

    /** Stats counted from the poller's ticket state, as of its last poll; none before its first. */
    public StatsEvents(TicketStates tickets, StateRepository<String, String> state, Clock clock, int overdueLimit) {
        this(() -> tickets.polledAt() == null ? null : tickets.stats(clock.instant()), state, clock, overdueLimit);
    }

    /** {@code source} answers null while it knows nothing yet. */
    private StatsEvents(Supplier<Stats> source, StateRepository<String, String> state, Clock clock,
                        int overdueLimit) {
        this.source = source;
        this.state = state;
        this.clock = clock;
        this.overdueLimit = overdueLimit;
    }

    public List<TicketEvent> poll() {
        Stats stats = source.get();
        if (stats == null) {
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonNode data = RequestBinding.tree(stats);
        List<TicketEvent> events = new ArrayList<>();
        events.add(new TicketEvent(ChangeDetector.hash("snapshot|" + now + "|" + data), "osticket.stats.snapshot",
                "stats", now, data));
        if (overdueLimit > 0) {
            for (DepartmentStats department : stats.byDepartment()) {
                boolean over = department.overdue() > overdueLimit;
                boolean was = "true".equals(state.getState(CROSSED + department.name()));
                if (over != was) {
                    String type = over ? "osticket.stats.threshold-crossed" : "osticket.stats.threshold-cleared";
                    JsonNode detail = JsonNodeFactory.instance.objectNode()
                            .put("department", department.name()).put("metric", "overdue")
                            .put("value", department.overdue()).put("limit", overdueLimit);
                    events.add(new TicketEvent(ChangeDetector.hash(type + "|" + department.name() + "|" + now), type,
                            department.name(), now, detail));
                    state.setState(CROSSED + department.name(), String.valueOf(over));
                }
            }
        }
        return events;
    }
}
