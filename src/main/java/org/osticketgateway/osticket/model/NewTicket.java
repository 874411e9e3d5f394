package org.osticketgateway.osticket.model;

import java.util.List;

/**
 * A ticket to create. {@code department} and {@code priority} take a name ("Billing", "High") or
 * an id ("5"); {@code dueDate} takes an ISO 8601 date or date-time. Only name, email, subject and
 * message are required. {@code source} is API (osTicket's default), Email (then {@code emailId},
 * the id of one of osTicket's system emails, is required) or Web (then {@code topicId} is);
 * {@code messageId} is the Message-ID of the mail the ticket comes from, which osTicket keeps so
 * that mail about it threads there.
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
        Long emailId,
        String messageId,
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
        return new NewTicket(name, email, subject, message, null, null, null, null,
                null, null, null, null, null, null, null, null, List.of());
    }

    public NewTicket withMessage(String value) {
        return new NewTicket(name, email, subject, value, format, phone, ip, source,
                emailId, messageId, department, topicId, priority, parent, dueDate, autorespond, attachments);
    }

    public NewTicket withFormat(MessageFormat value) {
        return new NewTicket(name, email, subject, message, value, phone, ip, source,
                emailId, messageId, department, topicId, priority, parent, dueDate, autorespond, attachments);
    }

    public NewTicket withDepartment(String value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, value, topicId, priority, parent, dueDate, autorespond, attachments);
    }

    public NewTicket withPriority(String value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, department, topicId, value, parent, dueDate, autorespond, attachments);
    }

    public NewTicket withParent(TicketRef value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, department, topicId, priority, value, dueDate, autorespond, attachments);
    }

    public NewTicket withDueDate(String value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, department, topicId, priority, parent, value, autorespond, attachments);
    }

    public NewTicket withAttachments(List<Attachment> value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, department, topicId, priority, parent, dueDate, autorespond, value);
    }

    public NewTicket withAutorespond(Boolean value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, department, topicId, priority, parent, dueDate, value, attachments);
    }

    public NewTicket withTopicId(Long value) {
        return new NewTicket(name, email, subject, message, format, phone, ip, source,
                emailId, messageId, department, value, priority, parent, dueDate, autorespond, attachments);
    }

    public NewTicket withContact(String phoneValue, String ipValue, String sourceValue) {
        return new NewTicket(name, email, subject, message, format, phoneValue, ipValue, sourceValue,
                emailId, messageId, department, topicId, priority, parent, dueDate, autorespond, attachments);
    }

    /** Where the ticket comes from: its source, the system email it came to, the mail's Message-ID. */
    public NewTicket withOrigin(String sourceValue, Long emailIdValue, String messageIdValue) {
        return new NewTicket(name, email, subject, message, format, phone, ip, sourceValue,
                emailIdValue, messageIdValue, department, topicId, priority, parent, dueDate, autorespond, attachments);
    }
}
