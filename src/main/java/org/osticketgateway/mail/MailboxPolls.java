package org.osticketgateway.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a mailbox can be read, as its polls find it (camel-mail's poll strategy and exception
 * handler for the mailbox). A poll that fails to reach the mailbox — login refused, certificate not
 * trusted, server away — logs one line when the mailbox turns unreadable, naming it, its server and
 * the cause in words; nothing while it stays so (Camel backs the polls off meanwhile); and one line
 * when it can be read again. Other failures of a poll are one line each, without a stack trace.
 */
public final class MailboxPolls implements PollingConsumerPollStrategy, ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPolls.class);

    private final Mailbox mailbox;
    private final Clock clock;
    private volatile String cause;
    private volatile Instant since;
    private volatile Throwable lastPollFailure;

    MailboxPolls(Mailbox mailbox, Clock clock) {
        this.mailbox = mailbox;
        this.clock = clock;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** Null while the mailbox can be read; else why not, in words. */
    public String cause() {
        return cause;
    }

    /** Since when it can or cannot be read; null before the first attempt. */
    public Instant since() {
        return since;
    }

    /** Notes a successful connection; true when the mailbox was unreadable (or unknown) until now. */
    boolean readable() {
        boolean changed = since == null || cause != null;
        if (changed) {
            cause = null;
            since = clock.instant();
        }
        return changed;
    }

    /** Notes a failed connection; true when the mailbox was readable (or unknown) until now. */
    boolean unreadable(Throwable failure) {
        String now = MailboxFailure.describe(mailbox, failure);
        boolean changed = since == null || cause == null;
        cause = now;
        if (changed) {
            since = clock.instant();
        }
        return changed;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        Instant unreadableSince = cause == null ? null : since;
        if (readable() && unreadableSince != null) {
            LOG.info("Mailbox {} ({}) can be read again, after {} s", mailbox.name(), mailbox.server(),
                    Duration.between(unreadableSince, clock.instant()).toSeconds());
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception failure) {
        lastPollFailure = failure;
        if (unreadable(failure)) {
            LOG.warn("Mailbox {} ({}) cannot be read: {}. Tried again every {} s; said again when it can be read",
                    mailbox.name(), mailbox.server(), cause, mailbox.unreadablePollDelay() / 1000);
        } else {
            LOG.debug("Mailbox {} still cannot be read: {}", mailbox.name(), failure.toString());
        }
        return false;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception == lastPollFailure) {
            return; // said by rollback, once for the whole time the mailbox cannot be read
        }
        LOG.warn("Mailbox {} ({}): {}; tried again at the next poll", mailbox.name(), mailbox.server(),
                MailboxFailure.describe(mailbox, exception));
        LOG.debug("Mailbox {}: {}", mailbox.name(), message, exception);
    }
}
