package org.osticketgateway.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osticketgateway.osticket.model.Attachment;

/**
 * A mail as the gateway reads it, detached from the mailbox (IMAP content is only readable while
 * the folder is open). Header names are lower-case. {@code returnPath} is null when the header is
 * absent and empty for {@code <>}. {@code oversized} names attachments left out for their size;
 * {@code whole} says that the mail as a whole is within the size limit, so that it may be handed on.
 */
public record IncomingMail(String messageId, String inReplyTo, List<String> references, String fromName,
                           String fromAddress, String returnPath, List<String> recipients, String subject,
                           String text, String html, List<Attachment> attachments, List<String> oversized,
                           String contentType, Map<String, List<String>> headers, boolean whole) {

    public IncomingMail {
        references = List.copyOf(references);
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
        oversized = List.copyOf(oversized);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
