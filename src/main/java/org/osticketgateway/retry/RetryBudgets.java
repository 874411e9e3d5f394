package org.osticketgateway.retry;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.component.OsTicketComponent;

/**
 * Makes a flow's {@link RetryBudget} from the configuration ({@code <flow>.max-attempts},
 * {@code health.flow-failing-after}) and registers its {@link FlowHealth}. Every flow shares one
 * {@link OsTicketReadiness}.
 */
public final class RetryBudgets {

    private static final String READINESS = "osTicketReadiness";

    private RetryBudgets() {
    }

    public static RetryBudget install(CamelContext camel, Settings settings, String flow, String noun,
                                      int defaultAttempts) {
        OsTicketReadiness readiness = camel.getRegistry().lookupByNameAndType(READINESS, OsTicketReadiness.class);
        if (readiness == null) {
            readiness = new OsTicketReadiness(camel.getComponent("osticket", OsTicketComponent.class).client(),
                    Clock.systemUTC());
            camel.getRegistry().bind(READINESS, readiness);
        }
        FlowHealth health = new FlowHealth(flow,
                Duration.ofMillis(settings.size("health.flow-failing-after", 300_000)), Clock.systemUTC());
        HealthCheckHelper.getHealthCheckRegistry(camel).register(health);
        String key = flow + ".max-attempts";
        int attempts = settings.integer(key, defaultAttempts);
        if (attempts < 1) {
            throw new IllegalStateException(key + " must be 1 or more, not " + attempts);
        }
        return new RetryBudget(flow, noun, attempts, readiness, health,
                camel.getRegistry().findSingleByType(MeterRegistry.class));
    }
}
