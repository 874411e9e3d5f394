package org.osticketgateway.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.osticketgateway.events.TicketSnapshot;
import org.osticketgateway.events.TicketStates;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * Counts a report from the fewest, cheapest sources. A search or stats call costs osTicket time in
 * proportion to the tickets it matches (its ORM reads them all before it applies a limit), so:
 * when the events flow runs, everything is counted from its ticket state, with no call at all;
 * otherwise the totals come from the stats endpoint (one call), the open tickets from a search of
 * the open statuses, and the new ones from the newest-created tickets back to the period's start.
 * The report's coverage line says which.
 */
public final class ReportBuilder {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OsTicketClient client;
    private final TicketStates tickets;
    private final Clock clock;

    /** {@code tickets}: the events flow's ticket state, or null when the events flow is off. */
    public ReportBuilder(OsTicketClient client, TicketStates tickets, Clock clock) {
        this.client = client;
        this.tickets = tickets;
        this.clock = clock;
    }

    public StatsReport build(ReportDefinition definition, Totals previous) {
        Instant now = clock.instant();
        if (tickets != null && tickets.polledAt() != null) {
            return fromState(definition, previous, now);
        }
        return fromServer(definition, previous, now);
    }

    private StatsReport fromState(ReportDefinition definition, Totals previous, Instant now) {
        Instant since = now.minus(definition.period().length());
        List<TicketSnapshot> scope = tickets.all()
                .filter(t -> definition.department() == null || t.inDepartment(definition.department())).toList();
        List<TicketSnapshot> open = scope.stream().filter(TicketSnapshot::open).toList();
        long created = scope.stream().filter(t -> t.created() != null && !t.created().isBefore(since)).count();
        Map<String, List<TicketSnapshot>> byDepartment = scope.stream()
                .collect(Collectors.groupingBy(t -> String.valueOf(t.department()), TreeMap::new, Collectors.toList()));
        List<DepartmentLine> departments = byDepartment.entrySet().stream().map(e -> {
            long openThere = e.getValue().stream().filter(TicketSnapshot::open).count();
            return new DepartmentLine(e.getKey(), openThere, e.getValue().size() - openThere,
                    e.getValue().stream().filter(t -> t.overdueAt(now)).count());
        }).toList();
        ZoneId zone = ZoneId.of(definition.timezone());
        String coverage = "Counts cover all " + scope.size() + " tickets in osTicket" + of(definition)
                + " as the events flow last saw them (" + WHEN.format(tickets.polledAt().atZone(zone)) + ", "
                + zone.getId() + "), with no call to osTicket; \"new\" counts those created in "
                + definition.period().label() + "; overdue means open and past its due date.";
        return report(definition, previous, now, coverage, new Counted(scope.size(), scope.size() - open.size(),
                created, null), open, departments, lines(scope, TicketSnapshot::status));
    }

    private StatsReport fromServer(ReportDefinition definition, Totals previous, Instant now) {
        Instant since = now.minus(definition.period().length());
        int[] calls = {2};
        Set<String> openStatuses = client.listStatuses().stream().filter(s -> "open".equals(s.state()))
                .map(TicketStatus::name).collect(Collectors.toSet());
        Stats stats = client.getStats(StatsQuery.all());
        SearchQuery scope = SearchQuery.all().withDepartment(definition.department()).withPage(SearchQuery.MAX_LIMIT, 0);
        List<TicketSnapshot> open = new ArrayList<>();
        for (String status : openStatuses) {
            open.addAll(walk(scope.withStatus(status), calls, t -> true).stream()
                    .map(t -> TicketSnapshot.of(t, true, now)).toList());
        }
        long created = walk(scope.withSort(SortField.CREATED, SortOrder.DESC), calls,
                t -> t.created() == null || !t.created().isBefore(since)).size();
        // The plugin's stats name departments only; the open tickets give a department id its name.
        Predicate<DepartmentStats> wanted = d -> definition.department() == null
                || definition.department().equalsIgnoreCase(d.name())
                || definition.department().equals(String.valueOf(d.departmentId()))
                || open.stream().anyMatch(t -> t.inDepartment(definition.department())
                && d.name().equalsIgnoreCase(t.department()));
        List<DepartmentStats> rows = stats.byDepartment().stream().filter(wanted).toList();
        Map<String, Long> overdueThere = open.stream().filter(t -> t.overdueAt(now))
                .collect(Collectors.groupingBy(t -> String.valueOf(t.department()), Collectors.counting()));
        List<DepartmentLine> departments = rows.stream().map(d -> new DepartmentLine(d.name(), d.open(), d.closed(),
                overdueThere.getOrDefault(d.name(), 0L))).toList();
        long total = definition.department() == null ? stats.global().total()
                : rows.stream().mapToLong(DepartmentStats::total).sum();
        long closed = definition.department() == null ? stats.global().closed()
                : rows.stream().mapToLong(DepartmentStats::closed).sum();
        Long answeredByStats = definition.department() == null ? stats.global().answered()
                : rows.stream().findFirst().map(DepartmentStats::answered).orElse(null);
        List<CountLine> statuses = stats.byStatus().isEmpty() ? closedAsOne(lines(open, TicketSnapshot::status),
                closed) : stats.byStatus().stream().map(s -> new CountLine(s.name(), s.count()))
                .sorted(Comparator.comparingLong(CountLine::count).reversed()).toList();
        ZoneId zone = ZoneId.of(definition.timezone());
        String coverage = "Counts cover all " + total + " tickets in osTicket" + of(definition) + " as of "
                + WHEN.format(now.atZone(zone)) + " (" + zone.getId() + "): totals and closed from its stats, open "
                + "tickets from a search of the open statuses, \"new\" (created in " + definition.period().label()
                + ") from the newest tickets; " + calls[0] + " calls to osTicket. Overdue means open and past its due "
                + "date.";
        return report(definition, previous, now, coverage, new Counted(total, closed, created, answeredByStats), open,
                departments, statuses);
    }

    /** The query's tickets, a page at a time, while {@code still} holds (sorted queries stop early). */
    private List<TicketSummary> walk(SearchQuery query, int[] calls,
            Predicate<TicketSummary> still) {
        List<TicketSummary> found = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<TicketSummary> page = client.searchTickets(
                    query.withPage(SearchQuery.MAX_LIMIT, offset)).tickets();
            calls[0]++;
            for (var ticket : page) {
                if (!still.test(ticket)) {
                    return found;
                }
                found.add(ticket);
            }
            if (page.size() < SearchQuery.MAX_LIMIT) {
                return found;
            }
            offset += page.size();
        }
    }

    /** What the whole scope gives: totals, closed, new, and answered where stats say it. */
    private record Counted(long total, long closed, long created, Long answeredByStats) {
    }

    private StatsReport report(ReportDefinition definition, Totals previous, Instant now, String coverage,
                               Counted counted, List<TicketSnapshot> open, List<DepartmentLine> departments,
                               List<CountLine> statuses) {
        long assigned = open.stream().filter(t -> t.assignee() != null).count();
        Long answered = open.stream().allMatch(t -> t.answered() != null)
                ? Long.valueOf(open.stream().filter(TicketSnapshot::answered).count()) : counted.answeredByStats();
        List<OverdueTicket> late = open.stream().filter(t -> t.overdueAt(now))
                .map(t -> new OverdueTicket(t.number(), t.subject(), t.department(), t.assignee(), t.dueDate()))
                .sorted(Comparator.comparing(OverdueTicket::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        long openCount = counted.total() - counted.closed();
        Totals totals = new Totals(counted.total(), openCount, counted.closed(), late.size(), answered,
                answered == null ? null : openCount - answered, assigned, openCount - assigned, counted.created());
        return new StatsReport(definition, now, ZoneId.of(definition.timezone()), coverage, totals, previous,
                departments.stream().sorted(Comparator.comparingLong(DepartmentLine::open).reversed()).toList(),
                lines(open.stream().filter(t -> t.assignee() != null).toList(), TicketSnapshot::assignee),
                statuses, lines(open, TicketSnapshot::priority),
                late.subList(0, Math.min(definition.topOverdue(), late.size())));
    }

    private static String of(ReportDefinition definition) {
        return definition.department() == null ? "" : " of " + definition.department();
    }

    /** The open statuses one by one and every closed one as one line: the plugin's stats do not break them down. */
    private static List<CountLine> closedAsOne(List<CountLine> open, long closed) {
        List<CountLine> lines = new ArrayList<>(open);
        lines.add(new CountLine("closed (any closed status)", closed));
        return lines.stream().sorted(Comparator.comparingLong(CountLine::count).reversed()).toList();
    }

    private static List<CountLine> lines(List<TicketSnapshot> tickets, Function<TicketSnapshot, String> by) {
        return tickets.stream().collect(Collectors.groupingBy(t -> String.valueOf(by.apply(t)), Collectors.counting()))
                .entrySet().stream().map(e -> new CountLine(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CountLine::count).reversed()).toList();
    }
}
