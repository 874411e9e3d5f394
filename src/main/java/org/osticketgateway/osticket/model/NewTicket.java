package org.osticketgateway.osticket.model;

import java.util.List;

/**
 * A ticket to create. {@code department} and {@code priority} take a name ("Billing", "High") or
 * an id ("5"); {@code dueDate} takes an ISO 8601 date or date-time. Only name, email, subject and
 * message are required.
 */
public record NewTicket(
        String name,
        String email,
        String subject,
        String message,
        MessageFormat format,
        String phone,
        String ip,
        String source,
        String department,
        Long topicId,
        String priority,
        TicketRef parent,
        String dueDate,
        Boolean autorespond,
        List<Attachment> attachments) {

    public NewTicket {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The four required fields; everything else left to osTicket's defaults. */
    public static NewTicket of(String name, String email, String subject, String message) {
        return new NewTicket(name, email, subject, message, null, null, null, null, null, null, null, null, null,
                null, List.of());
    }

    public NewTicket withMessage(String value) {
        return new NewTicket(name, email, subject, value, format, phone, ip, source, department, topicId, priority,
                parent, dueDate, autorespond, attachments);
    }

    public NewTicket withFormat(MessageFormat value) {
        return new NewTicket(name, email, subject, message, value, phone, ip, source, department, topicId, priority,
                parent, dueDate, autorespond, attachments);
    }

    public NewTicket withDepartment(String value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, value, topicId, priority,
                parent, dueDate, autorespond, attachments);
    }

    public NewTicket withPriority(String value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, department, topicId, value,
                parent, dueDate, autorespond, attachments);
    }

    public NewTicket withParent(TicketRef value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, department, topicId, priority,
                value, dueDate, autorespond, attachments);
    }

    public NewTicket withDueDate(String value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, department, topicId, priority,
                parent, value, autorespond, attachments);
    }

    public NewTicket withAttachments(List<Attachment> value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, department, topicId, priority,
                parent, dueDate, autorespond, value);
    }

    public NewTicket withAutorespond(Boolean value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, department, topicId, priority,
                parent, dueDate, value, attachments);
    }

    public NewTicket withTopicId(Long value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source, department, value, priority,
                parent, dueDate, autorespond, attachments);
    }

    public NewTicket withContact(String phoneValue, String ipValue, String sourceValue) {
        return new NewTicket(name, email, subject, message, format, phoneValue, ipValue, sourceValue, department,
                topicId, priority, parent, dueDate, autorespond, attachments);
    }
}
