package org.osticketgateway.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A report ready to render. {@code previous} is the totals of the last report of the same
 * definition (null the first time); {@code coverage} says in plain words what the numbers cover.
 */
public record StatsReport(ReportDefinition definition, Instant generated, ZoneId zone, String coverage,
                          Totals totals, Totals previous, List<DepartmentLine> byDepartment,
                          List<CountLine> byStaff, List<CountLine> byStatus, List<CountLine> byPriority,
                          List<OverdueTicket> overdue) {

    public StatsReport {
        byDepartment = List.copyOf(byDepartment);
        byStaff = List.copyOf(byStaff);
        byStatus = List.copyOf(byStatus);
        byPriority = List.copyOf(byPriority);
        overdue = List.copyOf(overdue);
    }

    /** "+3", "-2", "±0"; empty when there is no previous report. */
    public String change(long now, Long before) {
        if (before == null) {
            return "";
        }
        long delta = now - before;
        return delta > 0 ? "+" + delta : delta < 0 ? String.valueOf(delta) : "±0";
    }
}
