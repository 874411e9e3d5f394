package org.osticketgateway.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * The check's ticket looked for with the searches the flows make: by subject (mail and commands,
 * for what they wrote before a crash), by status, by department (a report of one department), and
 * newest updated first (the events poller). Each looks at one page of 100.
 */
final class TicketSearchProbe {

    private final OsTicketClient client;

    TicketSearchProbe(OsTicketClient client) {
        this.client = client;
    }

    /** The ticket looked for as the flows look: by subject, status, department, and newest updated first. */
    List<Finding> run(WrittenTicket written, Optional<String> status) {
        String department = isPlugin() ? written.department() : departmentId(written);
        SearchQuery page = SearchQuery.all().withPage(SearchQuery.MAX_LIMIT, 0);
        List<Finding> findings = new ArrayList<>();
        findings.add(search("search by subject", page.withQuery(written.subject()), written,
                "as mail and commands look for what they wrote before a crash", CheckTicketProbe.WRITERS));
        status.ifPresent(s -> findings.add(search("search by status", page.withStatus(s), written,
                "status " + s, EnumSet.noneOf(Flow.class))));
        if (department != null) {
            findings.add(search("search by department", new SearchQuery(null, null, department, null, null, null,
                    SearchQuery.MAX_LIMIT, 0, SortField.CREATED, SortOrder.DESC), written,
                    "department " + department + ", as a report of one department searches", EnumSet.of(Flow.REPORTS)));
        }
        findings.add(search("search by updated", page.withSort(SortField.UPDATED, SortOrder.DESC), written,
                "newest updated first, as the events poller finds changes", EnumSet.of(Flow.EVENTS)));
        return findings;
    }

    /**
     * The documented API filters by department id, and names a ticket's department without it; its
     * stats pair the two for every department with tickets, now including this one's.
     */
    private String departmentId(WrittenTicket written) {
        if (written.departmentId() != null) {
            return String.valueOf(written.departmentId());
        }
        try {
            return client.getStats(StatsQuery.all()).byDepartment().stream()
                    .filter(d -> d.name().equalsIgnoreCase(String.valueOf(written.department())))
                    .map(DepartmentStats::departmentId).filter(Objects::nonNull).findFirst()
                    .map(String::valueOf).orElse(null);
        } catch (OsTicketException e) {
            return null;
        }
    }

    private Finding search(String topic, SearchQuery query, WrittenTicket written, String how, EnumSet<Flow> stops) {
        try {
            List<String> numbers = client.searchTickets(query).tickets().stream().map(TicketSummary::number).toList();
            int at = numbers.indexOf(written.ref().number());
            if (at >= 0) {
                return Finding.ok(topic, "found #" + written.ref().number() + " (" + how + "), at " + (at + 1)
                        + " of " + numbers.size());
            }
            String text = "#" + written.ref().number() + " not among the " + numbers.size() + " tickets found (" + how
                    + ")";
            return Finding.problem(topic, text, stops);
        } catch (OsTicketException e) {
            return Finding.problem(topic, "failed (" + how + "): " + e.getMessage(), stops);
        }
    }

    private boolean isPlugin() {
        return client.dialect() == DialectChoice.PLUGIN;
    }
}
