package org.osticketgateway.osticket.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.osticketgateway.osticket.OsTicketException;

/**
 * Readiness: osTicket answers with the configured key (the lightest call: the statuses). Down
 * with the failure's meaning, never the key.
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
        try {
            component.client().listStatuses();
            builder.detail("url", component.client().settings().baseUrl()).up();
        } catch (OsTicketException e) {
            builder.message(e.getMessage()).detail("failure", e.failure().name()).down();
        }
    }
}
