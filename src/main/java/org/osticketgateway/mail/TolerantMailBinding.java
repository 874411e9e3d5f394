package org.osticketgateway.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailHeaderFilterStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-mail's binding, except for a mail whose envelope the IMAP server cannot describe (a broken
 * From, say): camel-mail would fail it before the route, and take it again at every poll, forever.
 * Here it reaches the route without Camel's mail headers, where it is read, found unreadable and
 * moved to the error folder like any other broken mail.
 */
public final class TolerantMailBinding extends MailBinding {

    private static final Logger LOG = LoggerFactory.getLogger(TolerantMailBinding.class);

    /** As camel-mail makes its own for our URIs: mail headers filtered, the message left unmapped (mapMailMessage=false). */
    public TolerantMailBinding() {
        super(new MailHeaderFilterStrategy(), null, false, false);
    }

    @Override
    protected Map<String, Object> extractHeadersFromMail(Message mail, Exchange exchange)
            throws MessagingException, IOException {
        try {
            return super.extractHeadersFromMail(mail, exchange);
        } catch (MessagingException e) {
            LOG.debug("Mail headers not mapped ({}); the route reads the mail itself", e.getMessage());
            return new HashMap<>();
        }
    }
}
