package org.osticketgateway.osticket.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;

/**
 * Readiness: osTicket answers with the configured key (the lightest call: the statuses). Down
 * when it does not answer or rejects the key, with the failure's meaning, never the key.
 */
public final class OsTicketHealthCheck extends AbstractHealthCheck {

    private final OsTicketComponent component;

    public OsTicketHealthCheck(OsTicketComponent component) {
        super("gateway", "osticket");
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("url", component.client().settings().baseUrl());
        try {
            component.client().listStatuses();
            builder.up();
        } catch (OsTicketException e) {
            builder.message(e.getMessage()).detail("failure", e.failure().name());
            // A key without the stats permission is refused the statuses by an osTicket that answers.
            if (e.isRetryable() || e.failure() == OsTicketFailure.UNAUTHORIZED) {
                builder.down();
            } else {
                builder.up();
            }
        }
    }
}
