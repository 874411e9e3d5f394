package org.osticketgateway.job;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * What an update job sets on each ticket its search finds: status, priority, department (names or
 * ids), assignee (a staff username or id) and an internal note from a template.
 */
public record TicketChanges(String status, String priority, String department, String assignee, TextTemplate note) {

    TicketUpdate update(String noteText) {
        return new TicketUpdate(status, department, null, null, assignee, null, priority, null, noteText);
    }

    /**
     * Whether the ticket already has every change (and no note is to be added): then it is left
     * alone, so a capped job reaches the others on its next runs. The assignee is not compared, as
     * search names staff by their full name, not their username.
     */
    boolean alreadyOn(TicketSummary ticket) {
        return note == null && assignee == null
                && same(status, ticket.status(), ticket.statusId())
                && same(priority, ticket.priority(), ticket.priorityId())
                && same(department, ticket.department(), ticket.departmentId());
    }

    private static boolean same(String wanted, String name, Long id) {
        return wanted == null || wanted.equalsIgnoreCase(name) || wanted.equals(String.valueOf(id));
    }

    /** As the log and results say it, e.g. "status Closed, note". */
    String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "status", status);
        add(parts, "priority", priority);
        add(parts, "department", department);
        add(parts, "assignee", assignee);
        if (note != null) {
            parts.add("a note");
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String what, String value) {
        if (value != null) {
            parts.add(what + " " + value);
        }
    }

    String noteFor(String job, ZonedDateTime at) {
        return note == null ? null : note.render(job, at, null);
    }
}
