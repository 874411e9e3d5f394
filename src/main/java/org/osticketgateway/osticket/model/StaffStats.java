package org.osticketgateway.osticket.model;

/** Counts for one staff member. Boxed fields are null where the server does not report them. */
public record StaffStats(long staffId, String name, String username, Long total, Long assigned, Long closed,
                         Long answered, String averageResponseTime, String averageResolutionTime) {
}
