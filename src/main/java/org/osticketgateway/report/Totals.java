package org.osticketgateway.report;

/** The headline numbers of a report. {@code answered}/{@code unanswered} are null where unknown. */
public record Totals(long total, long open, long closed, long overdue, Long answered, Long unanswered,
                     long assigned, long unassigned, long created) {
}
