package org.osticketgateway.check;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osticketgateway.mail.Mailbox;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.model.Attachment;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * The one real ticket the check writes, marked "[osticket-gateway check]" in subject and body:
 * created through the gateway's client as the flows create (the first mailbox's source, system
 * email, department and priority by name, a due date, an attachment), read back to see that each
 * arrived, updated (a status and a note), looked for with the searches the flows make, and deleted
 * again. Where the plugin drops something on create and the gateway sets it with a second call,
 * the line says so.
 */
final class CheckTicketProbe {

    static final String MARK = "[osticket-gateway check]";
    private static final String FILE = "osticket-gateway-check.txt";
    private static final Pattern LEFT_BEHIND = Pattern.compile("ticket #(\\S+) was created");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final EnumSet<Flow> WRITERS = EnumSet.of(Flow.MAIL, Flow.COMMANDS);

    private final OsTicketClient client;
    private final PriorityNames priorities;
    private final Clock clock;

    CheckTicketProbe(OsTicketClient client, PriorityNames priorities, Clock clock) {
        this.client = client;
        this.priorities = priorities;
        this.clock = clock;
    }

    /** What the check asks for, and how the flows would ask for it. */
    private record Plan(NewTicket ticket, Instant due, String how, boolean departmentOfMailbox) {
    }

    /** Writes and reads back the ticket; empty when none is left to work with. */
    Optional<WrittenTicket> create(CheckConfiguration configuration, KeyPermissions permissions, ServerFacts facts,
                                   List<Finding> findings) {
        List<String> lacking = EnumSet.of(KeyPermission.CREATE, KeyPermission.READ, KeyPermission.UPDATE).stream()
                .filter(permissions::denies).map(KeyPermission::label).toList();
        if (!lacking.isEmpty()) {
            findings.add(Finding.warn("ticket", "not written: the key may not " + String.join(" or ", lacking)
                    + " (see the permissions); the gateway reads a ticket back and updates it around a create"));
            return Optional.empty();
        }
        Plan plan = plan(configuration, facts);
        NewTicket asked = plan.ticket();
        CreatedTicket created;
        try {
            created = client.createTicket(asked);
        } catch (OsTicketException e) {
            findings.add(Finding.fail("ticket create", "writing a ticket " + plan.how() + " failed: " + e.getMessage(),
                    WRITERS));
            leftBehind(e).ifPresent(number -> findings.add(delete(new TicketRef(number, null))));
            return Optional.empty();
        }
        TicketRef ref = new TicketRef(created.number(), created.id());
        findings.add(Finding.ok("ticket create", "#" + created.number() + " written " + plan.how() + " ("
                + asked.source() + (asked.emailId() == null ? "" : ", system email " + asked.emailId()) + ")"
                + (isPlugin() ? ": the plugin answers a create with the bare number, so the gateway read the ticket "
                + "back" : "")));
        Ticket ticket;
        try {
            ticket = client.getTicket(ref);
        } catch (OsTicketException e) {
            findings.add(Finding.fail("ticket read", "reading #" + created.number() + " back failed: "
                    + e.getMessage(), WRITERS));
            return Optional.of(new WrittenTicket(ref, asked.subject(), null, null, asked.messageId()));
        }
        findings.add(dueDate(ticket, plan.due()));
        findings.add(attachment(ticket));
        if (asked.priority() != null) {
            findings.add(priority(ticket, asked.priority()));
        }
        if (asked.department() != null) {
            findings.add(department(ticket, asked.department(), plan.departmentOfMailbox()));
        }
        if (asked.emailId() != null) {
            findings.add("Email".equalsIgnoreCase(ticket.source())
                    ? Finding.ok("ticket source", "Email: an email ticket of system email " + asked.emailId())
                    : Finding.warn("ticket source", "osTicket recorded " + ticket.source() + ", not Email"));
        }
        return Optional.of(new WrittenTicket(ref, asked.subject(), ticket.department(), ticket.departmentId(),
                asked.messageId()));
    }

    /**
     * The first mailbox's ticket (its source, system email, department, priority and help topic), or
     * a create command's; where neither names a department or priority, one osTicket's stats name
     * and High, so that a dropped value shows (Normal is osTicket's default).
     */
    private Plan plan(CheckConfiguration configuration, ServerFacts facts) {
        Optional<Mailbox> mailbox = configuration.mailboxes().stream().findFirst();
        boolean departmentOfMailbox = mailbox.map(Mailbox::department).isPresent();
        String department = mailbox.map(Mailbox::department)
                .orElse(facts.departments().stream().map(DepartmentStats::name).findFirst().orElse(null));
        String priority = mailbox.map(Mailbox::priority).orElse(priorities.sent("High").isPresent() ? "High" : null);
        ZoneId zone = client.settings().zone();
        LocalDateTime due = LocalDateTime.now(clock.withZone(zone)).plusDays(7).withHour(12).withMinute(0)
                .withSecond(0).withNano(0);
        String subject = MARK + " test ticket " + STAMP.format(clock.instant().atZone(zone));
        NewTicket ticket = NewTicket.of("osticket-gateway check", "osticket-gateway-check@example.com", subject,
                        "Written by osticket-gateway check to try this osTicket before the gateway goes live. "
                                + "The check deletes it when it ends; if it is still here, the check could not: "
                                + "delete it by hand.")
                .withFormat(MessageFormat.TEXT)
                .withOrigin(mailbox.map(Mailbox::ticketSource).orElse("API"),
                        mailbox.map(Mailbox::emailId).orElse(null),
                        mailbox.map(m -> "<check-" + STAMP.format(clock.instant().atZone(zone))
                                + "@osticket-gateway.invalid>").orElse(null))
                .withDepartment(department)
                .withPriority(priority)
                .withTopicId(mailbox.map(Mailbox::topicId).orElse(null))
                .withDueDate(due.toString())
                .withAutorespond(false)
                .withAttachments(List.of(new Attachment(FILE, "text/plain",
                        ("Attached by osticket-gateway check to " + subject + "\n").getBytes(StandardCharsets.UTF_8))));
        return new Plan(ticket, due.atZone(zone).toInstant(), mailbox.map(m -> "as mailbox " + m.name()
                + "'s mail would be").orElse("as a create command would be"), departmentOfMailbox);
    }

    private Finding dueDate(Ticket ticket, Instant asked) {
        ZoneId zone = client.settings().zone();
        String path = isPlugin() ? " (the plugin ignores a due date on create: the gateway set it with a second call, "
                + "an update)" : " (sent with the create)";
        if (asked.equals(ticket.dueDate())) {
            return Finding.ok("ticket due date", "set to " + shown(asked, zone) + path);
        }
        if (ticket.dueDate() == null) {
            return Finding.fail("ticket due date", "not set" + path + ": due dates of create commands would be lost",
                    EnumSet.of(Flow.COMMANDS));
        }
        Duration off = Duration.between(asked, ticket.dueDate());
        return Finding.fail("ticket due date", "asked " + shown(asked, zone) + ", osTicket shows "
                + shown(ticket.dueDate(), zone) + path
                + (off.toMinutes() % 60 == 0 ? ": off by " + off.toHours() + " h, so osticket.timezone (" + zone
                + ") is likely not the server's zone" : ""), EnumSet.of(Flow.COMMANDS));
    }

    private static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone)) + " " + zone.getId();
    }

    private Finding attachment(Ticket ticket) {
        String path = isPlugin() ? "the plugin drops files sent with a create: the gateway added it with a second "
                + "call, an internal note carrying the file" : "sent with the create as multipart/form-data";
        Optional<ThreadEntry> entry = ticket.thread().stream()
                .filter(e -> e.attachments().stream().anyMatch(FILE::equalsIgnoreCase)).findFirst();
        if (entry.isPresent()) {
            return Finding.ok("ticket attachment", FILE + " is on the ticket, on its " + (entry.get().type()
                    == ThreadEntryType.NOTE ? "internal note" : entry.get().type().apiName()) + " (" + path + ")");
        }
        return Finding.fail("ticket attachment", FILE + " is not on the ticket (" + path + "): attachments of mail "
                + "and create commands would be lost", WRITERS);
    }

    private Finding priority(Ticket ticket, String asked) {
        String path = isPlugin() ? " (the plugin ignores a name on create: the gateway sent id "
                + priorities.sent(asked).orElse("?") + " from osticket.priorities)" : "";
        if (asked.equalsIgnoreCase(ticket.priority()) || asked.equals(String.valueOf(ticket.priorityId()))) {
            return Finding.ok("ticket priority", ticket.priority() + ", as asked" + path);
        }
        return Finding.fail("ticket priority", "asked " + asked + path + ", osTicket shows " + ticket.priority()
                + " (id " + ticket.priorityId() + ")" + (isPlugin() ? ": fix osticket.priorities" : ""), WRITERS);
    }

    private Finding department(Ticket ticket, String asked, boolean fromMailbox) {
        if (asked.equalsIgnoreCase(ticket.department()) || asked.equals(String.valueOf(ticket.departmentId()))) {
            return Finding.ok("ticket department", ticket.department() + ", as asked" + (fromMailbox ? ""
                    : " (a department osTicket's stats name)"));
        }
        return Finding.fail("ticket department", "asked " + asked + ", osTicket shows " + ticket.department(), WRITERS);
    }

    /**
     * Sets a closed status and adds a note, as update commands and replies by mail do, and reads both
     * back; returns the status set, if any.
     */
    Optional<String> update(WrittenTicket written, ServerFacts facts, List<Finding> findings) {
        Optional<String> closed = facts.statuses().stream().filter(s -> "closed".equals(s.state()))
                .map(TicketStatus::name).findFirst();
        String note = MARK + " a note written by the check's update";
        TicketUpdate update = TicketUpdate.none().withNote(note);
        if (closed.isPresent()) {
            update = update.withStatus(closed.get());
        }
        try {
            client.updateTicket(written.ref(), update);
            Ticket ticket = client.getTicket(written.ref());
            boolean noted = ticket.thread().stream()
                    .anyMatch(e -> e.type() == ThreadEntryType.NOTE && e.body() != null && e.body().contains(note));
            boolean statusSet = closed.map(s -> s.equalsIgnoreCase(ticket.status())).orElse(true);
            if (noted && statusSet) {
                findings.add(Finding.ok("ticket update", closed.map(s -> "status set to " + s + " and a").orElse("a")
                        + " note added, both read back"));
                return closed;
            }
            List<String> missing = new ArrayList<>();
            if (!noted) {
                missing.add("the note is not in the thread");
            }
            if (!statusSet) {
                missing.add("the status is " + ticket.status() + ", not " + closed.orElse(""));
            }
            findings.add(Finding.fail("ticket update", "osTicket answered the update, but " + String.join(" and ",
                    missing), WRITERS));
        } catch (OsTicketException e) {
            findings.add(Finding.fail("ticket update", "failed: " + e.getMessage(), WRITERS));
        }
        return Optional.empty();
    }

    /**
     * Answers the ticket by mail, as a customer's reply comes: a mail naming the ticket's Message-ID in
     * In-Reply-To goes to osTicket's mail intake ({@code POST /api/tickets.email}), which must add it to
     * this ticket as the customer's message. Writes no other ticket: one osTicket opens instead is
     * deleted and named.
     */
    Finding reply(WrittenTicket written) {
        String mail = "From: osticket-gateway check <osticket-gateway-check@example.com>\r\n"
                + "To: osticket-gateway-check@example.com\r\nSubject: Re: " + written.subject() + "\r\n"
                + "Message-ID: " + written.messageId().replace("<check-", "<check-reply-") + "\r\n"
                + "In-Reply-To: " + written.messageId() + "\r\nReferences: " + written.messageId() + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + MARK + " a reply by mail\r\n";
        String how = "a reply by mail (In-Reply-To its Message-ID) through osTicket's mail intake, POST /tickets.email";
        try {
            TicketRef landed = client.postEmail(mail.getBytes(StandardCharsets.UTF_8));
            if (!landed.number().equals(written.ref().number())) {
                Finding extra = delete(landed);
                return Finding.fail("ticket reply", how + " opened #" + landed.number() + " instead of answering #"
                        + written.ref().number() + " (" + extra.text() + "): replies by mail would become new tickets",
                        EnumSet.of(Flow.MAIL));
            }
            boolean added = client.getTicket(written.ref()).thread().stream().anyMatch(e -> e.type()
                    == ThreadEntryType.MESSAGE && e.body() != null && e.body().contains(MARK + " a reply by mail"));
            return added ? Finding.ok("ticket reply", how + ": the customer's message on #" + written.ref().number()
                    + ", as the mail flow adds replies")
                    : Finding.fail("ticket reply", how + ": osTicket named #" + written.ref().number()
                    + " but the message is not in its thread", EnumSet.of(Flow.MAIL));
        } catch (OsTicketException e) {
            return Finding.fail("ticket reply", how + " failed: " + e.getMessage(), EnumSet.of(Flow.MAIL));
        }
    }

    /** Deletes it and makes sure it is gone; says which ticket to remove by hand when it could not. */
    Finding delete(TicketRef ticket) {
        try {
            client.deleteTicket(ticket);
        } catch (OsTicketException e) {
            return Finding.warn("ticket delete", "could not delete #" + ticket.number() + " (" + e.getMessage()
                    + "): remove ticket #" + ticket.number() + " (subject starting " + MARK + ") by hand in osTicket");
        }
        try {
            client.getTicket(ticket);
            return Finding.warn("ticket delete", "osTicket answered the delete but still has #" + ticket.number()
                    + ": remove it by hand");
        } catch (OsTicketException e) {
            return e.failure() == OsTicketFailure.NOT_FOUND
                    ? Finding.ok("ticket delete", "#" + ticket.number() + " deleted again (osTicket no longer finds it)")
                    : Finding.warn("ticket delete", "#" + ticket.number() + " deleted; reading it again gave "
                    + e.getMessage());
        }
    }

    /** The plugin dialect says which ticket a create made before a second call failed. */
    private static Optional<String> leftBehind(OsTicketException e) {
        Matcher found = LEFT_BEHIND.matcher(String.valueOf(e.apiMessage()));
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    private boolean isPlugin() {
        return client.dialect() == DialectChoice.PLUGIN;
    }
}
