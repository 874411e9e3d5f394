package org.osticketgateway.mail;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A line of {@code mail-dead-letters.jsonl}: when, which mailbox, which mail, why. Never a password
 * or a body. {@code unreadable} says why the mail's own headers could not be read, if so.
 */
public record MailDeadLetter(String time, String mailbox, String reason, String messageId, String from,
                             String subject, @JsonInclude(JsonInclude.Include.NON_NULL) String unreadable) {
}
