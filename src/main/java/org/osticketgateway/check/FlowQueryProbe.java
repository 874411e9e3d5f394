package org.osticketgateway.check;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.report.ReportDefinition;

/**
 * The reads the events poller and the reports make, made as they make them: the statuses (open
 * ones are told by their state), the stats, the poll's search (newest updated first) and each
 * report's search (its department, newest created first). What a missing permission stops is said
 * by the permission's own line, so those calls are not repeated here.
 */
final class FlowQueryProbe {

    private static final int PAGE = SearchQuery.MAX_LIMIT;

    private final OsTicketClient client;

    FlowQueryProbe(OsTicketClient client) {
        this.client = client;
    }

    ServerFacts run(CheckConfiguration configuration, KeyPermissions permissions, List<Finding> findings) {
        List<TicketStatus> statuses = List.of();
        List<DepartmentStats> departments = List.of();
        List<TicketSummary> recent = List.of();
        if (permissions.allows(KeyPermission.STATS)) {
            statuses = statuses(findings);
            departments = stats(findings);
        }
        if (permissions.allows(KeyPermission.SEARCH)) {
            recent = pollSearch(findings);
            reportSearches(configuration, findings);
        }
        return new ServerFacts(statuses, departments, recent);
    }

    private List<TicketStatus> statuses(List<Finding> findings) {
        try {
            List<TicketStatus> statuses = client.listStatuses();
            String names = statuses.stream().map(s -> s.name() + " (" + s.state() + ")")
                    .collect(Collectors.joining(", "));
            if (statuses.stream().noneMatch(s -> "open".equals(s.state()))) {
                findings.add(Finding.fail("statuses", names + ": none in the open state, by which events and reports "
                        + "tell open tickets", EnumSet.of(Flow.EVENTS, Flow.REPORTS)));
            } else {
                findings.add(Finding.ok("statuses", names + "; events and reports tell open tickets by the state"));
            }
            return statuses;
        } catch (OsTicketException e) {
            findings.add(Finding.fail("statuses", "failed: " + e.getMessage(), EnumSet.of(Flow.EVENTS, Flow.REPORTS)));
            return List.of();
        }
    }

    private List<DepartmentStats> stats(List<Finding> findings) {
        try {
            Stats stats = client.getStats(StatsQuery.all());
            findings.add(Finding.ok("stats", stats.global().total() + " tickets: " + stats.global().open() + " open, "
                    + stats.global().closed() + " closed, " + stats.global().overdue() + " overdue; by department: "
                    + stats.byDepartment().stream().map(d -> d.name() + " " + d.total())
                    .collect(Collectors.joining(", ")) + (isPlugin()
                    ? " (the plugin ignores stats filters: reports count from search; stats snapshots are these totals)"
                    : "")));
            return stats.byDepartment();
        } catch (OsTicketException e) {
            findings.add(Finding.fail("stats", "failed: " + e.getMessage(), EnumSet.of(Flow.EVENTS, Flow.REPORTS)));
            return List.of();
        }
    }

    private List<TicketSummary> pollSearch(List<Finding> findings) {
        try {
            SearchPage page = client.searchTickets(SearchQuery.all().withPage(PAGE, 0)
                    .withSort(SortField.UPDATED, SortOrder.DESC));
            findings.add(Finding.ok("events search", "the poll's search (newest updated first, " + PAGE
                    + " a page) answers with " + page.tickets().size() + " tickets on its first page"
                    + (page.total() == null ? " and no total (the poller pages until a short page)"
                    : " of " + page.total())));
            return page.tickets();
        } catch (OsTicketException e) {
            findings.add(Finding.fail("events search", "the poll's search (newest updated first) failed: "
                    + e.getMessage(), EnumSet.of(Flow.EVENTS)));
            return List.of();
        }
    }

    private void reportSearches(CheckConfiguration configuration, List<Finding> findings) {
        if (configuration.reports().isEmpty()) {
            reportSearch("reports search", null, findings);
        }
        for (ReportDefinition report : configuration.reports()) {
            reportSearch("report " + report.name(), report.department(), findings);
        }
    }

    private void reportSearch(String topic, String department, List<Finding> findings) {
        String what = "its search (" + (department == null ? "all departments" : "department " + department)
                + ", newest created first, " + PAGE + " a page)";
        try {
            SearchPage page = client.searchTickets(new SearchQuery(null, null, department, null, null, null, PAGE, 0,
                    SortField.CREATED, SortOrder.DESC));
            findings.add(Finding.ok(topic, what + " answers with " + page.tickets().size()
                    + " tickets on its first page"));
        } catch (OsTicketException e) {
            findings.add(Finding.fail(topic, what + " failed: " + e.getMessage(), EnumSet.of(Flow.REPORTS)));
        }
    }

    private boolean isPlugin() {
        return client.dialect() == DialectChoice.PLUGIN;
    }
}
