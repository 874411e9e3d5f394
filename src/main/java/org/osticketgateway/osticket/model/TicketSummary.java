package org.osticketgateway.osticket.model;

import java.time.Instant;

/**
 * A ticket as search lists it: no thread. The *Id fields and {@code answered} are null where the
 * server omits them.
 */
public record TicketSummary(
        long id,
        String number,
        String subject,
        String status,
        Long statusId,
        String priority,
        Long priorityId,
        String department,
        Long departmentId,
        String assignee,
        Long staffId,
        String requesterName,
        String requesterEmail,
        Instant created,
        Instant updated,
        Instant dueDate,
        boolean overdue,
        Boolean answered) {
}
