package org.osticketgateway.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * Counts a report from search: every ticket (of the department, if one is set) walked once, a
 * page of 100 at a time. That works the same in both dialects — the plugin cannot filter stats by
 * period or department — and the report says so plainly. Answered counts need stats: the documented
 * API has them, and plugin search items carry them.
 */
public final class ReportBuilder {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OsTicketClient client;
    private final Clock clock;

    public ReportBuilder(OsTicketClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public StatsReport build(ReportDefinition definition, Totals previous) {
        Instant now = clock.instant();
        Instant since = now.minus(definition.period().length());
        Set<String> openStatuses = client.listStatuses().stream().filter(s -> "open".equals(s.state()))
                .map(TicketStatus::name).collect(Collectors.toSet());
        SearchQuery query = new SearchQuery(null, null, definition.department(), null, null, null,
                SearchQuery.MAX_LIMIT, 0, SortField.CREATED, SortOrder.DESC);

        long total = 0;
        long open = 0;
        long overdue = 0;
        long assigned = 0;
        long created = 0;
        long answered = 0;
        boolean answersKnown = true;
        Map<String, long[]> departments = new TreeMap<>();
        Map<String, Long> staff = new TreeMap<>();
        Map<String, Long> statuses = new LinkedHashMap<>();
        Map<String, Long> priorities = new LinkedHashMap<>();
        List<OverdueTicket> late = new ArrayList<>();
        for (TicketSummary t : (Iterable<TicketSummary>) client.searchAll(query)::iterator) {
            total++;
            boolean isOpen = openStatuses.contains(t.status());
            boolean isOverdue = isOpen && (t.overdue() || (t.dueDate() != null && t.dueDate().isBefore(now)));
            long[] line = departments.computeIfAbsent(String.valueOf(t.department()), d -> new long[3]);
            line[isOpen ? 0 : 1]++;
            statuses.merge(String.valueOf(t.status()), 1L, Long::sum);
            if (t.created() != null && !t.created().isBefore(since)) {
                created++;
            }
            if (!isOpen) {
                continue;
            }
            open++;
            priorities.merge(String.valueOf(t.priority()), 1L, Long::sum);
            if (t.assignee() != null) {
                assigned++;
                staff.merge(t.assignee(), 1L, Long::sum);
            }
            if (t.answered() == null) {
                answersKnown = false;
            } else if (t.answered()) {
                answered++;
            }
            if (isOverdue) {
                overdue++;
                line[2]++;
                late.add(new OverdueTicket(t.number(), t.subject(), t.department(), t.assignee(), t.dueDate()));
            }
        }
        Long answeredOpen = answersKnown ? Long.valueOf(answered) : answeredFromStats(definition);
        Totals totals = new Totals(total, open, total - open, overdue, answeredOpen,
                answeredOpen == null ? null : open - answeredOpen, assigned, open - assigned, created);
        late.sort(Comparator.comparing(OverdueTicket::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));

        ZoneId zone = ZoneId.of(definition.timezone());
        String coverage = "Counts cover all " + total + " tickets in osTicket"
                + (definition.department() == null ? "" : " of " + definition.department())
                + " as of " + WHEN.format(now.atZone(zone)) + " (" + zone.getId() + "); \"new\" counts those created in "
                + definition.period().label() + "; overdue means open and past its due date.";
        return new StatsReport(definition, now, zone, coverage, totals, previous,
                departments.entrySet().stream()
                        .map(e -> new DepartmentLine(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                        .sorted(Comparator.comparingLong(DepartmentLine::open).reversed()).toList(),
                lines(staff), lines(statuses), lines(priorities),
                late.subList(0, Math.min(definition.topOverdue(), late.size())));
    }

    /** The documented API's stats count answered open tickets; the plugin's search items carry the flag. */
    private Long answeredFromStats(ReportDefinition definition) {
        Stats stats = client.getStats(StatsQuery.all());
        if (definition.department() == null) {
            return stats.global().answered();
        }
        return stats.byDepartment().stream()
                .filter(d -> d.name().equalsIgnoreCase(definition.department())
                        || String.valueOf(d.departmentId()).equals(definition.department()))
                .findFirst().map(d -> d.answered()).orElse(null);
    }

    private static List<CountLine> lines(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new CountLine(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CountLine::count).reversed()).toList();
    }
}
