package org.osticketgateway.report;

/** Where the backlog sits: one department's counts. */
public record DepartmentLine(String department, long open, long closed, long overdue) {
}
