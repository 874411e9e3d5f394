package org.osticketgateway.osticket.model;

/** Helpdesk-wide counts. Boxed fields are null where the server does not report them. */
public record StatsCounts(long total, long open, long closed, Long resolved, Long archived, long overdue,
                          Long answered, Long unanswered, Long assigned, Long unassigned) {
}
