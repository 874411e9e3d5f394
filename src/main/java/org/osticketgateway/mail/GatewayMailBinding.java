package org.osticketgateway.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailHeaderFilterStrategy;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How camel-mail hands a mail to the route, with two changes. What the route reads of a mail comes
 * in at most two IMAP round trips — envelope, structure, flags, headers and size (none when the
 * poll's batch was described at once, see {@link SharedInboxFolder}), then the whole message when it
 * is no larger than {@code wholeUpTo} — instead of one for each of them and one more for each part;
 * a larger mail is still read part by part, never whole into memory. And a mail whose
 * envelope the server cannot describe (a broken From, say), which camel-mail would fail before the
 * route and take again at every poll, forever, reaches the route without Camel's mail headers, is
 * found unreadable and goes to the error folder.
 */
public final class GatewayMailBinding extends MailBinding {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMailBinding.class);

    private final long wholeUpTo;

    /** As camel-mail makes its own for our URIs: mail headers filtered, the message left unmapped (mapMailMessage=false). */
    public GatewayMailBinding(long wholeUpTo) {
        super(new MailHeaderFilterStrategy(), null, false, false);
        this.wholeUpTo = wholeUpTo;
    }

    @Override
    protected Map<String, Object> extractHeadersFromMail(Message mail, Exchange exchange)
            throws MessagingException, IOException {
        try {
            prefetch(mail);
            return super.extractHeadersFromMail(mail, exchange);
        } catch (MessagingException e) {
            LOG.debug("Mail headers not mapped ({}); the route reads the mail itself", e.getMessage());
            return new HashMap<>();
        }
    }

    private void prefetch(Message mail) throws MessagingException {
        Folder folder = mail.getFolder();
        if (folder instanceof IMAPFolder && folder.isOpen()) {
            // Already there when the poll's batch was described (SharedInboxFolder): then no command.
            folder.fetch(new Message[] {mail}, SharedInboxFolder.description());
            if (mail.getSize() >= 0 && mail.getSize() <= wholeUpTo) {
                FetchProfile whole = new FetchProfile();
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                folder.fetch(new Message[] {mail}, whole);
            }
        }
    }
}
