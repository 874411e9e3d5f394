package org.osticketgateway.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.state.KafkaStateRepository;

/**
 * The routes that poll, each led by one gateway of a cluster at a time: a Camel
 * {@link ClusteredRoutePolicy} per led thing (a mailbox, the ticket events, …) on the configured
 * {@link CamelClusterService}, given to its routes as they are made. With no cluster service (one
 * gateway) it leads nothing and every route runs as it always did.
 */
public final class LedRoutes implements RoutePolicyFactory {

    private final CamelContext camel;
    private final CamelClusterService service;
    private final Map<String, ClusteredRoutePolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, PollerLeadership> leaderships = new ConcurrentHashMap<>();

    LedRoutes(CamelContext camel, CamelClusterService service) {
        this.camel = camel;
        this.service = service;
    }

    /** The gateway's led routes, or — in a route test that set up no cluster — a single gateway's. */
    public static LedRoutes of(CamelContext camel) {
        LedRoutes bound = camel.getRegistry().findSingleByType(LedRoutes.class);
        return bound != null ? bound : new LedRoutes(camel, null);
    }

    public boolean clustered() {
        return service != null;
    }

    /**
     * Route {@code routeId} runs only on the gateway that leads {@code led}; on taking the lead that
     * gateway first reads {@code states} (those kept in Kafka) to their end. Before the route is made.
     */
    public void lead(String routeId, String led, List<StateRepository<String, String>> states) throws Exception {
        if (service == null) {
            return;
        }
        String namespace = namespace(led);
        PollerLeadership leadership = leaderships.get(namespace);
        if (leadership == null) {
            leadership = new PollerLeadership(led, states.stream().filter(KafkaStateRepository.class::isInstance)
                    .map(KafkaStateRepository.class::cast).toList(), Clock.systemUTC());
            leaderships.put(namespace, leadership);
            // Added before the route policy's listener: the state is read before the route starts.
            service.getView(namespace).addEventListener(leadership);
            HealthCheckHelper.getHealthCheckRegistry(camel).register(new LeadershipHealthCheck(leadership));
            MeterRegistry meters = camel.getRegistry().findSingleByType(MeterRegistry.class);
            if (meters != null) {
                Gauge.builder("gateway.cluster.leader", leadership, l -> l.leading() ? 1 : 0)
                        .description("1 while this gateway leads the poller, 0 while another one does")
                        .tag("led", led).register(meters);
            }
        }
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(service, namespace(led));
        policy.setCamelContext(camel);
        policies.put(routeId, policy);
    }

    /**
     * {@code then} runs each time this gateway takes {@code led} over, after its state is read and
     * before its routes start. After {@link #lead} for the same {@code led}.
     */
    public void onLead(String led, Runnable then) {
        if (service != null) {
            leaderships.get(namespace(led)).onLead(then);
        }
    }

    /** A name every cluster service takes: a file name, a Kubernetes Lease's name. */
    private static String namespace(String led) {
        return led.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return policies.get(routeId);
    }
}
