package org.osticketgateway.osticket.model;

/** Counts for one department. Boxed fields are null where the server does not report them. */
public record DepartmentStats(Long departmentId, String name, long total, long open, long closed, long overdue,
                              Long answered, Long assigned) {
}
