package org.osticketgateway.mail;

/** Who wrote a mail: a person, or a machine answering (auto-reply) or bouncing it. */
public enum MailKind {
    GENUINE, AUTO_REPLY, BOUNCE
}
