package org.osticketgateway.reliability;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.osticketgateway.mail.MailCorpus;

/**
 * Mails that cannot become a ticket, as broken mailers and spammers send them: MIME without its
 * boundary (also deep inside), no sender, a sender that is no address. Each has the Message-ID
 * {@code <bad-<kind>-<n>@tests>}, so that where it ended can be counted by kind.
 */
final class MalformedMails {

    /** A kind of broken mail and how to write the n-th one (headers after Message-ID, and body). */
    record Kind(String name, IntFunction<String> rest) {
    }

    private final List<Kind> kinds = List.of(
            new Kind("multipart-without-boundary", n -> "From: broken@example.com\r\nSubject: broken " + n
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno boundary anywhere\r\n"),
            new Kind("nested-part-without-boundary", n -> "From: nested@example.com\r\nSubject: nested " + n
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                    + "--outer\r\nContent-Type: multipart/alternative\r\n\r\nno inner boundary\r\n--outer--\r\n"),
            new Kind("no-from", n -> "To: support@example.com\r\nSubject: who am I " + n + "\r\n\r\nnobody sent this\r\n"),
            new Kind("from-without-address", n -> "From: undisclosed-recipients:;\r\nSubject: group " + n
                    + "\r\n\r\nan empty group\r\n"),
            new Kind("from-without-domain", n -> "From: root\r\nSubject: cron " + n + "\r\n\r\nlocal user\r\n"));

    List<Kind> kinds() {
        return kinds;
    }

    /** {@code count} mails, the kinds taken in turn. */
    List<MimeMessage> mails(int count) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = kinds.get(i % kinds.size());
            String raw = "Message-ID: <bad-" + kind.name() + "-" + i + "@tests>\r\n" + kind.rest().apply(i);
            mails.add(new MimeMessage(MailCorpus.SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
        }
        return mails;
    }

    /** The kind named in a dead letter's Message-ID. */
    static String kindOf(String messageId) {
        return messageId.substring("<bad-".length(), messageId.lastIndexOf('-'));
    }
}
