package org.osticketgateway.mail;

/** Who wrote a mail: a person, or a machine answering (auto-reply) or bouncing it. */
public enum MailKind {
    GENUINE("reply"), AUTO_REPLY("auto-reply"), BOUNCE("bounce");

    private final String tag;

    MailKind(String tag) {
        this.tag = tag;
    }

    /** The word for this kind of mail when it answers a ticket, as logs and metric tags say it. */
    public String tag() {
        return tag;
    }
}
