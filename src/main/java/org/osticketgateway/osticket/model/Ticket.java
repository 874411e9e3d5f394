package org.osticketgateway.osticket.model;

import java.time.Instant;
import java.util.List;

/**
 * A ticket with its thread, in the canonical form both dialects are read into. The *Id fields
 * are null where the server does not report them.
 */
public record Ticket(
        long id,
        String number,
        String subject,
        Requester requester,
        String status,
        Long statusId,
        String priority,
        Long priorityId,
        String department,
        Long departmentId,
        String topic,
        Long topicId,
        String sla,
        Long slaId,
        String assignee,
        Long staffId,
        String team,
        Long teamId,
        Instant created,
        Instant updated,
        Instant dueDate,
        Instant closed,
        boolean overdue,
        Boolean answered,
        String source,
        String ip,
        List<ThreadEntry> thread) {

    public Ticket {
        thread = thread == null ? List.of() : List.copyOf(thread);
    }
}
