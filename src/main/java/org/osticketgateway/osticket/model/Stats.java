package org.osticketgateway.osticket.model;

import java.util.List;

/**
 * Ticket statistics. The lists are empty and {@code period} null where the server does not
 * break the numbers down that way.
 */
public record Stats(StatsCounts global, List<DepartmentStats> byDepartment, List<StaffStats> byStaff,
                    List<NamedCount> byStatus, List<NamedCount> byPriority, StatsPeriod period) {

    public Stats {
        byDepartment = List.copyOf(byDepartment);
        byStaff = List.copyOf(byStaff);
        byStatus = List.copyOf(byStatus);
        byPriority = List.copyOf(byPriority);
    }
}
