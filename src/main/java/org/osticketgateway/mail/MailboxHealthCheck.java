package org.osticketgateway.mail;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one mailbox ({@code mailbox-<name>}): DOWN while it cannot be read, with the cause in
 * words. Readiness only: restarting the gateway mends no password, and the other flows go on.
 */
public final class MailboxHealthCheck extends AbstractHealthCheck {

    private final MailboxPolls polls;

    MailboxHealthCheck(MailboxPolls polls) {
        super("gateway", "mailbox-" + polls.mailbox().name());
        this.polls = polls;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("server", polls.mailbox().server());
        if (polls.since() != null) {
            builder.detail("since", polls.since().toString());
        }
        if (polls.cause() == null) {
            builder.up();
        } else {
            builder.message(polls.cause()).down();
        }
    }
}
