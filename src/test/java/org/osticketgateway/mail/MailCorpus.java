package org.osticketgateway.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;

/** Realistic mails, built the way the clients that send them build them. */
public final class MailCorpus {

    public static final Session SESSION = Session.getInstance(new Properties());

    private MailCorpus() {
    }

    private static MimeMessage base(String messageId, String from, String to, String subject)
            throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        return message;
    }

    /** Gmail: multipart/alternative with text and HTML. */
    public static MimeMessage gmail(String id, String from, String to, String subject, String text) throws MessagingException {
        MimeMessage message = base(id, from, to, subject);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<div dir=\"ltr\">" + text.replace("\n", "<br>") + "</div>", "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", plain, html));
        message.saveChanges();
        return message;
    }

    /** Outlook: HTML only, with an inline image referenced by cid, and a script to be sanitised. */
    public static MimeMessage outlookHtml(String id, String from, String subject) throws MessagingException {
        MimeMessage message = base(id, from, "support@example.com", subject);
        message.setHeader("X-Mailer", "Microsoft Outlook 16.0");
        message.setHeader("Importance", "high");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<html><body><p>The <b>printer</b> shows this:</p><img src=\"cid:image001.png@01D\">"
                + "<script>alert('x')</script></body></html>", "UTF-8", "html");
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(png(), "image/png")));
        image.setContentID("<image001.png@01D>");
        image.setDisposition(MimeBodyPart.INLINE);
        image.setFileName("image001.png");
        message.setContent(new MimeMultipart("related", html, image));
        message.saveChanges();
        return message;
    }

    /** A plain-text mail in ISO-8859-1 with an encoded-word subject and attachment name. */
    public static MimeMessage latin1(String id, String from) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = base(id, from, "support@example.com", "x");
        message.setSubject("Grüße aus Köln", "ISO-8859-1");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Schöne Grüße, der Drucker läuft nicht.", "ISO-8859-1");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {1, 2, 3, (byte) 0xff, 0x0a},
                "application/octet-stream")));
        file.setFileName(MimeUtility.encodeText("Übersicht.bin", "ISO-8859-1", "Q"));
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        return message;
    }

    /** A reply quoting the original, threaded by In-Reply-To and References. */
    public static MimeMessage reply(String id, String from, String subject, String inReplyTo) throws MessagingException {
        MimeMessage message = base(id, from, "support@example.com", subject);
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
        message.setText("It works again, thanks!\n\nOn Mon, 1 Dec 2026 at 09:00, Support <support@example.com> wrote:\n"
                + "> Please restart the printer.\n> Best regards", "UTF-8");
        message.saveChanges();
        return message;
    }

    public static MimeMessage plain(String id, String from, String subject, String text) throws MessagingException {
        MimeMessage message = base(id, from, "support@example.com", subject);
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** An out-of-office answer, as Exchange sends it. */
    public static MimeMessage outOfOffice(String id, String from) throws MessagingException {
        MimeMessage message = plain(id, from, "Automatic reply: Your ticket", "I am out of the office until Monday.");
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.saveChanges();
        return message;
    }

    /** A delivery status notification (RFC 3464). */
    public static MimeMessage bounce(String id) throws MessagingException {
        MimeMessage message = base(id, "MAILER-DAEMON@mail.example.com", "support@example.com",
                "Undelivered Mail Returned to Sender");
        message.setHeader("Return-Path", "<>");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("This is the mail system. Your message could not be delivered.", "UTF-8");
        MimeBodyPart status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; mail.example.com\r\nFinal-Recipient: rfc822; nobody@example.org\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n", "message/delivery-status");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status", text, status);
        message.setContent(report);
        message.saveChanges();
        return message;
    }

    /** A mail whose MIME structure is broken: a multipart without its boundary. */
    public static MimeMessage malformed(String id) throws MessagingException {
        String raw = "Message-ID: " + id + "\r\nFrom: broken@example.com\r\nTo: support@example.com\r\n"
                + "Subject: broken mime\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
                + "no boundary anywhere\r\n";
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A mail that says its text is base64 but sends plain text, in whole groups of four characters. */
    public static MimeMessage brokenBase64(String id) throws MessagingException {
        String raw = "Message-ID: " + id + "\r\nFrom: carol@example.org\r\nTo: support@example.com\r\n"
                + "Subject: Broken base64\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + "Dear support, this text was never base64 at all - sorry! Thanks, Carol xy\r\n";
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A mail with an attachment of {@code bytes} random bytes. */
    public static MimeMessage withAttachment(String id, String from, String subject, String name, int bytes)
            throws MessagingException {
        MimeMessage message = base(id, from, "support@example.com", subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the attachment.", "UTF-8");
        byte[] content = new byte[bytes];
        new Random(bytes).nextBytes(content);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/zip")));
        file.setFileName(name);
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        return message;
    }

    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
