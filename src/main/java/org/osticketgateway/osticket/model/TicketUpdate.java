package org.osticketgateway.osticket.model;

/**
 * Changes to a ticket; null fields are left alone. {@code status}, {@code department},
 * {@code sla}, {@code staff} and {@code priority} take a name or an id; {@code dueDate} an ISO 8601
 * date or date-time; {@code note} adds an internal note.
 */
public record TicketUpdate(
        String status,
        String department,
        Long topicId,
        String sla,
        String staff,
        Long teamId,
        String priority,
        String dueDate,
        String note) {

    public static TicketUpdate none() {
        return new TicketUpdate(null, null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return status == null && department == null && topicId == null && sla == null && staff == null
                && teamId == null && priority == null && dueDate == null && note == null;
    }

    public TicketUpdate withStatus(String value) {
        return new TicketUpdate(value, department, topicId, sla, staff, teamId, priority, dueDate, note);
    }

    public TicketUpdate withNote(String value) {
        return new TicketUpdate(status, department, topicId, sla, staff, teamId, priority, dueDate, value);
    }
}
