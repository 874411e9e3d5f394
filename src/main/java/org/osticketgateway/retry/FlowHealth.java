package org.osticketgateway.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one flow ({@code flow-mail}, {@code flow-commands}): down once its retryable
 * failures have gone on for longer than the threshold with no call to osTicket succeeding in
 * between. A success clears it. Readiness only: a liveness probe restarting the gateway would not
 * mend a failing item.
 */
public final class FlowHealth extends AbstractHealthCheck {

    private final Duration threshold;
    private final Clock clock;
    private Instant failingSince;
    private String lastFailure;

    public FlowHealth(String flow, Duration threshold, Clock clock) {
        super("gateway", "flow-" + flow);
        this.threshold = threshold;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    synchronized void failed(String reason) {
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        lastFailure = reason;
    }

    synchronized void succeeded() {
        failingSince = null;
        lastFailure = null;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (failingSince == null) {
            builder.up();
            return;
        }
        builder.detail("failingSince", failingSince.toString()).detail("lastFailure", lastFailure);
        Duration failing = Duration.between(failingSince, clock.instant());
        if (failing.compareTo(threshold) > 0) {
            builder.message("failing for " + failing.toSeconds() + " s: " + lastFailure).down();
        } else {
            builder.up();
        }
    }
}
