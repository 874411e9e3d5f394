package org.osticketgateway.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket inside the sandbox. Mutable on purpose, as osTicket's own rows are: it is only read or
 * changed while holding the store's lock, and never leaves the sandbox except rendered as an answer.
 */
final class SandboxTicket {

    /** One thread entry; {@code type} is osTicket's code M, R or N. */
    record Entry(long id, String type, String poster, String title, String body, String format, Instant created,
                 List<Attachment> attachments) {
    }

    /** A file stored with an entry; its id is given when the store keeps it (0 until then). */
    record Attachment(String filename, String contentType, int size, long id) {

        Attachment(String filename, String contentType, int size) {
            this(filename, contentType, size, 0);
        }
    }

    final long id;
    final String number;
    final long userId;
    final Instant created;
    final String ip;
    final String source;
    String subject;
    String name;
    String email;
    String phone;
    long statusId;
    long priorityId;
    long departmentId;
    Long topicId;
    Long slaId;
    Long staffId;
    Long teamId;
    Long parentId;
    Instant updated;
    Instant dueDate;
    Instant closed;
    boolean answered;
    final List<Entry> thread = new ArrayList<>();

    SandboxTicket(long id, String number, long userId, Instant created, String ip, String source) {
        this.id = id;
        this.number = number;
        this.userId = userId;
        this.created = created;
        this.updated = created;
        this.ip = ip;
        this.source = source;
    }
}
