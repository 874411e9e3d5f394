package org.osticketgateway.sandbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * osTicket core's mail intake, {@code POST /api/tickets.email}, as seen on osTicket 1.18.1
 * ({@code stock/136}–{@code stock/144}): a mail whose Message-ID is known is not taken again; one
 * that names a known Message-ID in In-Reply-To or References, or carries {@code #number} in its
 * subject and comes from that ticket's owner, becomes the customer's message on that ticket;
 * anything else opens an email ticket. The answer is the ticket's number either way.
 */
final class MailIntake {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern TICKET_NUMBER = Pattern.compile("#([A-Za-z0-9-]+)");
    private static final Session SESSION = Session.getInstance(new Properties());

    private final SandboxStore store;

    MailIntake(SandboxStore store) {
        this.store = store;
    }

    /** Takes the mail; returns the number of the ticket it is on. */
    String take(byte[] raw) {
        try {
            MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String messageId = first(mail.getHeader("Message-ID", null)).orElse(null);
            if (messageId != null && store.byMessageId(messageId).isPresent()) {
                return store.byMessageId(messageId).get().number;
            }
            Address[] from = mail.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
                throw new SandboxError(500, "Unable to create new ticket :user\nIncomplete client information",
                        SandboxResponse.HTML);
            }
            String name = sender.getPersonal() == null ? sender.getAddress() : sender.getPersonal();
            String subject = mail.getSubject() == null || mail.getSubject().isBlank() ? "[No Subject]"
                    : mail.getSubject().trim();
            Content content = new Content();
            content.read(mail);
            SandboxTicket ticket = thread(mail, subject, sender.getAddress()).orElse(null);
            if (ticket == null) {
                ticket = store.open(name, sender.getAddress(), "127.0.0.1", "Email", store.now());
                ticket.subject = subject;
            } else {
                ticket.updated = store.now();
            }
            store.addEntry(ticket, "M", name, null, content.body.strip(), content.format, store.now(),
                    content.attachments);
            if (messageId != null) {
                store.rememberMessageId(messageId, ticket);
            }
            return ticket.number;
        } catch (MessagingException | IOException e) {
            throw new SandboxError(400, "Unable to parse email: " + e.getMessage(), SandboxResponse.HTML);
        }
    }

    private Optional<SandboxTicket> thread(MimeMessage mail, String subject, String from) throws MessagingException {
        for (String header : List.of("In-Reply-To", "References")) {
            String value = mail.getHeader(header, " ");
            if (value != null) {
                Matcher ids = MESSAGE_ID.matcher(value);
                while (ids.find()) {
                    Optional<SandboxTicket> known = store.byMessageId(ids.group());
                    if (known.isPresent()) {
                        return known;
                    }
                }
            }
        }
        Matcher number = TICKET_NUMBER.matcher(subject);
        return number.find() ? store.byNumber(number.group(1)).filter(t -> t.email.equalsIgnoreCase(from))
                : Optional.empty();
    }

    private static Optional<String> first(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher id = MESSAGE_ID.matcher(header);
        return id.find() ? Optional.of(id.group()) : Optional.empty();
    }

    /** The first text body (plain preferred) and every other part as a stored file. */
    private static final class Content {
        String body = "";
        String format = "text";
        boolean html;
        final List<SandboxTicket.Attachment> attachments = new ArrayList<>();

        void read(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart child = parts.getBodyPart(i);
                    read(child);
                }
            } else if (part.getFileName() == null && part.isMimeType("text/plain") && (body.isEmpty() || html)) {
                body = (String) part.getContent();
                format = "text";
                html = false;
            } else if (part.getFileName() == null && part.isMimeType("text/html") && body.isEmpty()) {
                body = (String) part.getContent();
                format = "html";
                html = true;
            } else if (part.getFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new SandboxTicket.Attachment(part.getFileName(),
                            part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT),
                            in.readAllBytes().length));
                }
            }
        }
    }
}
