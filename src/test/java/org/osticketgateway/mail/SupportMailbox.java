package org.osticketgateway.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** support@example.com on a test's GreenMail: mail sent to it over SMTP, its folders counted. */
public final class SupportMailbox {

    public static final String ADDRESS = "support@example.com";

    private SupportMailbox() {
    }

    /** Sends over SMTP to the support mailbox, whatever the mail's own To header says. */
    public static void send(GreenMailExtension mail, MimeMessage message) throws Exception {
        Session session = mail.getSmtp().createSession();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(ADDRESS)});
        }
    }

    /** The mails in one of the user's folders; 0 when it does not exist (yet). */
    public static int count(GreenMailExtension mail, GreenMailUser user, String folder) {
        MailFolder box = mail.getManagers().getImapHostManager().getFolder(user, folder);
        return box == null ? 0 : box.getMessageCount();
    }
}
