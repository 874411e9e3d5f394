package org.osticketgateway.mail;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * The mail session one mailbox is read with, given to camel-mail instead of the one it would make.
 * Three things differ. The session has no authenticator, so a refused login is not tried a second
 * time with the same password (the mail API does that when an authenticator answers): one attempt
 * costs one login. IMAP folders are {@link SharedInboxFolder}s, which never expunge the folder as a
 * whole. And a mailbox with {@code trust-pem} or {@code trust-store} trusts its CA on top of the
 * JVM's.
 */
final class MailboxSession {

    private MailboxSession() {
    }

    static Session of(Mailbox mailbox) {
        Properties properties = new Properties();
        String protocol = mailbox.protocol();
        String p = "mail." + protocol + ".";
        // A mail in one piece rather than in 16 KB slices (a 10 MB attachment would take hundreds of
        // round trips), and never a wait forever on a silent server.
        properties.setProperty(p + "partialfetch", "false");
        properties.setProperty(p + "connectiontimeout", "30000");
        properties.setProperty(p + "timeout", "120000");
        // Raw 8-bit headers (RFC 6532, and what many mailers send) are UTF-8, not Latin-1.
        properties.setProperty("mail.mime.allowutf8", "true");
        if (protocol.startsWith("imap")) {
            properties.setProperty(p + "folder.class", SharedInboxFolder.class.getName());
        }
        properties.setProperty(p + "ssl.checkserveridentity", "true");
        if (mailbox.trust() != null) {
            properties.put(p + "ssl.socketFactory", mailbox.trust().sslContext().getSocketFactory());
        }
        return Session.getInstance(properties);
    }
}
