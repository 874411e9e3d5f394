package org.osticketgateway.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** support@example.com on a test's GreenMail: mail sent to it over SMTP, its folders counted. */
public final class SupportMailbox {

    public static final String ADDRESS = "support@example.com";

    private SupportMailbox() {
    }

    /** A GreenMail with SMTP and IMAP on free ports, kept for all of a test class. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP)).withPerMethodLifecycle(false);
    }

    /**
     * The gateway's settings for mailbox "support" on that server over IMAP (user "support"), polled
     * every {@code pollDelay} ms, taking all its mail (tests send some before the gateway starts),
     * followed by {@code more}: key, value, key, value…
     */
    public static String[] gatewaySettings(GreenMailExtension mail, String password, String pollDelay,
                                           String... more) {
        List<String> settings = new ArrayList<>(List.of("mail.mailboxes", "support",
                "mail.support.protocol", "imap", "mail.support.host", "127.0.0.1",
                "mail.support.port", String.valueOf(mail.getImap().getPort()),
                "mail.support.username", "support", "mail.support.password", password,
                "mail.support.poll-delay", pollDelay, "mail.support.start", "all"));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
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
