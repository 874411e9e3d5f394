package org.osticketgateway.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * The last state of a ticket the poller saw: what it compares the next one with, and what reports
 * and stats count from. {@code created}, {@code answered} and {@code departmentId} are null where
 * the server or an older snapshot did not say.
 */
public record TicketSnapshot(String number, String subject, String status, String priority, String department,
                             String assignee, Instant dueDate, Instant updated, boolean overdue, boolean open,
                             Instant created, Boolean answered, Long departmentId) {

    public static TicketSnapshot of(TicketSummary t, boolean open, Instant now) {
        boolean overdue = open && (t.overdue() || (t.dueDate() != null && t.dueDate().isBefore(now)));
        return new TicketSnapshot(t.number(), t.subject(), t.status(), t.priority(), t.department(), t.assignee(),
                t.dueDate(), t.updated(), overdue, open, t.created(), t.answered(), t.departmentId());
    }

    /** This snapshot, now known to be overdue: the sweep's news, leaving every other change to the poll. */
    TicketSnapshot nowOverdue() {
        return new TicketSnapshot(number, subject, status, priority, department, assignee, dueDate, updated, true,
                open, created, answered, departmentId);
    }

    /** Whether it is in {@code department}, a department's name or id. */
    public boolean inDepartment(String department) {
        return department.equalsIgnoreCase(this.department) || department.equals(String.valueOf(departmentId));
    }

    /** Open and past its due date at {@code now}, or marked overdue by osTicket. */
    public boolean overdueAt(Instant now) {
        return overdue || (open && dueDate != null && dueDate.isBefore(now));
    }

    /** Field → [before, after] for every field that changed. */
    Map<String, Object[]> changesTo(TicketSnapshot after) {
        Map<String, Object[]> changes = new LinkedHashMap<>();
        compare(changes, "subject", subject, after.subject);
        compare(changes, "status", status, after.status);
        compare(changes, "priority", priority, after.priority);
        compare(changes, "department", department, after.department);
        compare(changes, "assignee", assignee, after.assignee);
        compare(changes, "dueDate", dueDate, after.dueDate);
        compare(changes, "updated", updated, after.updated);
        return changes;
    }

    private static void compare(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }
}
