package org.osticketgateway.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osticketgateway.osticket.model.Attachment;
import org.osticketgateway.state.StateKey;

/**
 * Reads a mail into an {@link IncomingMail}: decoded subject and names (encoded words, any
 * charset the JVM knows), the first text/plain and text/html bodies, every other part as an
 * attachment (inline images and forwarded mails included), each up to a size limit — beyond it the
 * attachment is named, not read. A part whose base64 is broken makes the mail unreadable.
 */
public final class MailReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final long maxAttachmentBytes;

    public MailReader(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public IncomingMail read(Message message) {
        try {
            Bodies bodies = new Bodies();
            walk(message, bodies, true);
            Address[] from = message.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
                    || sender.getAddress() == null || !sender.getAddress().contains("@")) {
                throw new UnreadableMailException("no usable sender (From: " + header(message, "From") + ")", null);
            }
            List<String> recipients = new ArrayList<>();
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] addresses = message.getRecipients(type);
                if (addresses != null) {
                    Arrays.stream(addresses).filter(a -> a instanceof InternetAddress)
                            .forEach(a -> recipients.add(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT)));
                }
            }
            Map<String, List<String>> headers = headers(message);
            headers.getOrDefault("delivered-to", List.of()).forEach(d -> recipients.add(d.trim().toLowerCase(Locale.ROOT)));
            String subject = message.getSubject();
            return new IncomingMail(firstId(header(message, "Message-ID")), firstId(header(message, "In-Reply-To")),
                    ids(header(message, "References")), sender.getPersonal(), sender.getAddress(),
                    header(message, "Return-Path"), recipients, subject == null ? "" : subject.trim(),
                    bodies.text, bodies.html, bodies.attachments, bodies.oversized,
                    message.getContentType() == null ? "" : message.getContentType().toLowerCase(Locale.ROOT), headers,
                    bodies.oversized.isEmpty() && message.getSize() >= 0 && message.getSize() <= maxAttachmentBytes);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("unreadable MIME: " + e.getMessage(), e);
        }
    }

    /** What a walk through the parts collects. */
    private static final class Bodies {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> oversized = new ArrayList<>();
    }

    private void walk(Part part, Bodies bodies, boolean top) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (!top && part.getFileName() != null);
        if (!part.isMimeType("multipart/*") && part.getSize() <= maxAttachmentBytes) {
            StrictBase64.check(part);
        }
        if (part.isMimeType("multipart/*") && !attached) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, bodies, false);
            }
        } else if (part.isMimeType("text/plain") && !attached && bodies.text == null) {
            bodies.text = text(part);
        } else if (part.isMimeType("text/html") && !attached && bodies.html == null) {
            bodies.html = text(part);
        } else if (!top || attached) {
            attach(part, bodies);
        }
    }

    private void attach(Part part, Bodies bodies) throws MessagingException, IOException {
        String name = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        if (name == null) {
            name = part.isMimeType("message/rfc822") ? "forwarded-message.eml"
                    : "attachment-" + (bodies.attachments.size() + bodies.oversized.size() + 1);
        }
        String type = part.getContentType() == null ? "application/octet-stream"
                : part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        byte[] content = bounded(part);
        if (content == null) {
            bodies.oversized.add(name);
        } else {
            bodies.attachments.add(new Attachment(name, type, content));
        }
    }

    /** The part's bytes, or null once they pass the limit (the rest is not read into memory). */
    private byte[] bounded(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxAttachmentBytes) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** A text part, with mail's CRLF line ends made plain newlines. */
    private static String text(Part part) throws MessagingException, IOException {
        String text;
        try {
            Object content = part.getContent();
            text = content instanceof String s ? s : new String(((InputStream) content).readAllBytes());
        } catch (UnsupportedEncodingException e) {
            // An unknown charset: read the bytes as Latin-1 rather than lose the mail.
            try (InputStream in = part.getInputStream()) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
        return text.replace("\r\n", "\n");
    }

    private static Map<String, List<String>> headers(Message message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.getValue() == null ? "" : header.getValue().trim());
        }
        return headers;
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].trim();
    }

    private static String firstId(String value) {
        List<String> ids = ids(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        if (value != null) {
            Matcher matcher = MESSAGE_ID.matcher(value);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** The Message-ID, or a hash of the raw mail when it has none, so that it too is taken once. */
    public static String identity(Message message) {
        try {
            String id = firstId(header(message, "Message-ID"));
            if (id != null) {
                return id;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            ((MimeMessage) message).writeTo(raw);
            return "sha256:" + StateKey.sha256(raw.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("cannot identify the mail: " + e.getMessage(), e);
        }
    }
}
