package org.osticketgateway.mail;

import jakarta.mail.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.spi.StateRepository;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.retry.GaveUpException;
import org.osticketgateway.state.StateKey;

/**
 * The decisions of the mail flow: read a mail, decide whether it opens a ticket, adds a note to
 * one, or is left alone, and remember which Message-IDs became which tickets so that replies find
 * their ticket. The route does the calls and moves the mail.
 */
public final class MailToTicket {

    private static final Pattern TICKET_TOKEN = Pattern.compile("\\[#([A-Za-z0-9-]{1,32})\\]");

    private final Map<String, Mailbox> mailboxes;
    private final MailReader reader;
    private final LoopGuard loopGuard = new LoopGuard();
    private final QuoteTrimmer quotes = new QuoteTrimmer();
    private final RoutingRules routing;
    private final SenderPolicy senders;
    private final StateRepository<String, String> threads;
    private final OsTicketClient client;
    private final Clock clock;

    public MailToTicket(Map<String, Mailbox> mailboxes, MailReader reader, RoutingRules routing, SenderPolicy senders,
                        StateRepository<String, String> threads, OsTicketClient client, Clock clock) {
        this.mailboxes = Map.copyOf(mailboxes);
        this.reader = reader;
        this.routing = routing;
        this.senders = senders;
        this.threads = threads;
        this.client = client;
        this.clock = clock;
    }

    /** The key that makes a mail be taken once: its Message-ID, or a hash of it. */
    public String identity(Message message) {
        return MailReader.identity(message);
    }

    public IncomingMail read(Message message) {
        return reader.read(message);
    }

    /** Where a mail that cannot become a ticket goes in this mailbox. */
    public String errorFolder(String mailboxName) {
        return mailboxes.get(mailboxName).errorFolder();
    }

    public MailDecision decide(IncomingMail mail, String mailboxName) {
        Mailbox mailbox = mailboxes.get(mailboxName);
        MailKind kind = loopGuard.classify(mail);
        Optional<Ticket> ticket = thread(mail);
        if (ticket.isPresent()) {
            // The owner's reply goes whole to osTicket, which threads it as the customer's message with
            // its files, by its headers or the [#number] from the owner, and knows a Message-ID it has
            // seen. A machine's answer, anyone else's reply, a mail without a Message-ID or over the size
            // limit becomes a note instead: osTicket might open a ticket for it.
            String number = ticket.get().number();
            return kind == MailKind.GENUINE && mail.messageId() != null && mail.whole()
                    && mail.fromAddress().equalsIgnoreCase(ticket.get().requester().email())
                    ? MailDecision.reply(number)
                    : MailDecision.note(number, TicketUpdate.none().withNote(noteText(mail, kind)), kind);
        }
        if (kind != MailKind.GENUINE) {
            return MailDecision.ignore(kind);
        }
        return senders.refusal(mail.fromAddress()).orElseGet(() -> MailDecision.create(newTicket(mail, mailbox)));
    }

    /**
     * The kind of a failure that sends a mail to the error folder, as a metric tag: {@code unreadable},
     * {@code gave-up} (it kept failing while osTicket answered), or what osTicket said
     * ({@code bad-request}, {@code forbidden}…).
     */
    public String errorKind(Exception failure) {
        if (failure instanceof GaveUpException) {
            return "gave-up";
        }
        if (failure instanceof OsTicketException e) {
            return e.failure().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return "unreadable";
    }

    /** After a create: remembers the thread and returns the note naming attachments left out, if any. */
    public TicketUpdate created(IncomingMail mail, String number) {
        remember(mail, number);
        senders.opened(mail.fromAddress());
        return mail.oversized().isEmpty() ? null : TicketUpdate.none().withNote(
                "Attachments not imported (over the size limit, mail.max-attachment-bytes): "
                        + String.join(", ", mail.oversized()));
    }

    /** Remembers that this mail's Message-ID belongs to the ticket, so replies to it thread there. */
    public void remember(IncomingMail mail, String number) {
        if (mail.messageId() != null) {
            threads.setState(StateKey.of(mail.messageId()), number);
        }
    }

    /** A dead-letter record: when, which mailbox, which mail, why. Never a password or a body. */
    public MailDeadLetter deadLetter(String mailboxName, Message message, String reason) {
        String messageId = null;
        String from = null;
        String subject = null;
        String unreadable = null;
        // As much as the mail's own headers allow: a broken one still has its Message-ID named.
        try {
            messageId = MailReader.identity(message);
            String[] fromHeader = message.getHeader("From");
            from = fromHeader == null ? null : fromHeader[0];
            subject = message.getSubject();
        } catch (Exception e) {
            unreadable = e.getMessage();
        }
        return new MailDeadLetter(clock.instant().toString(), mailboxName, reason, messageId, from, subject,
                unreadable);
    }

    /** The ticket a mail answers: by the Message-IDs it names, else by [#number] from the ticket's owner. */
    private Optional<Ticket> thread(IncomingMail mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.addAll(mail.references());
        for (String id : ids) {
            String number = threads.getState(StateKey.of(id));
            if (number != null) {
                Optional<Ticket> known = ticket(number);
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        Matcher token = TICKET_TOKEN.matcher(mail.subject());
        if (token.find()) {
            // Only the ticket's owner may reply by subject: anyone can type a number.
            return ticket(token.group(1)).filter(t -> mail.fromAddress().equalsIgnoreCase(t.requester().email()));
        }
        return Optional.empty();
    }

    /** The ticket, or empty when osTicket has none of that number (any more). */
    private Optional<Ticket> ticket(String number) {
        try {
            return Optional.of(client.getTicket(TicketRef.ofNumber(number)));
        } catch (OsTicketException e) {
            if (e.failure() != OsTicketFailure.NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private String noteText(IncomingMail mail, MailKind kind) {
        String who = (mail.fromName() == null ? "" : mail.fromName() + " ") + "<" + mail.fromAddress() + ">";
        String heading = switch (kind) {
            case GENUINE -> "Reply by email from " + who;
            case AUTO_REPLY -> "Automatic reply from " + who;
            case BOUNCE -> "Delivery failure report from " + who;
        };
        StringBuilder note = new StringBuilder(heading).append(":\n\n").append(quotes.trim(plainBody(mail)));
        List<String> files = new ArrayList<>();
        mail.attachments().forEach(a -> files.add(a.filename()));
        files.addAll(mail.oversized());
        if (!files.isEmpty()) {
            // The API has no way to attach files to a note: say which ones came.
            note.append("\n\nAttachments not imported (notes cannot carry files): ").append(String.join(", ", files));
        }
        return note.toString();
    }

    private NewTicket newTicket(IncomingMail mail, Mailbox mailbox) {
        boolean html = mail.text() == null && mail.html() != null;
        String body = html ? Jsoup.clean(mail.html(), Safelist.relaxed()) : plainBody(mail);
        String name = mail.fromName() == null || mail.fromName().isBlank()
                ? mail.fromAddress().substring(0, mail.fromAddress().indexOf('@')) : mail.fromName();
        String priority = MailPriority.of(mail);
        return NewTicket.of(name, mail.fromAddress(), mail.subject().isBlank() ? "(no subject)" : mail.subject(),
                        body.isBlank() ? "(no content)" : body)
                .withFormat(html ? MessageFormat.HTML : MessageFormat.TEXT)
                .withOrigin(mailbox.ticketSource(), mailbox.emailId(), mail.messageId())
                .withDepartment(routing.department(mail).orElse(mailbox.department()))
                .withPriority(priority != null ? priority : mailbox.priority())
                .withTopicId(mailbox.topicId())
                .withAutorespond(loopGuard.isNoReply(mail.fromAddress()) ? Boolean.FALSE : null)
                .withAttachments(mail.attachments());
    }

    private static String plainBody(IncomingMail mail) {
        if (mail.text() != null) {
            return mail.text();
        }
        return mail.html() == null ? "" : Jsoup.parse(mail.html()).wholeText().strip();
    }
}
