package org.osticketgateway.report;

import java.time.Instant;

/** An open ticket past its due date. */
public record OverdueTicket(String number, String subject, String department, String assignee, Instant dueDate) {
}
