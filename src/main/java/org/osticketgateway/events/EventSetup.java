package org.osticketgateway.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.cluster.LedRoutes;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.state.StateStores;

/**
 * Binds what {@code routes/ticket-events.yaml} uses: the change detector, the stats events, their
 * state (watermark, one compact snapshot per ticket, thresholds crossed, in
 * {@code <gateway.data-dir>/ticket-events.dat} or the compacted topic {@code events.state-topic}) and
 * the CloudEvents envelope. In a cluster both pollers run on the gateway that leads them. Runs once
 * before the routes start.
 */
public final class EventSetup {

    private EventSetup() {
    }

    public static void install(CamelContext camel, Settings settings) throws Exception {
        String start = settings.text("events.start", "now");
        if (!start.matches("now|all|\\d{4}-\\d{2}-\\d{2}T.*")) {
            throw new IllegalStateException("events.start must be now, all or an ISO 8601 instant, not '" + start + "'");
        }
        String mode = settings.text("events.mode", "binary");
        if (!mode.matches("binary|structured")) {
            throw new IllegalStateException("events.mode must be binary or structured");
        }
        Map<String, String> snapshots = new ConcurrentHashMap<>();
        StateRepository<String, String> state = new StateStores(settings).open("events", "events.state",
                "ticket-events.dat", 256L * 1024 * 1024, snapshots);
        camel.addService(state);
        LedRoutes led = LedRoutes.of(camel);
        led.lead("ticket-events", "ticket-events", List.of(state));
        led.lead("stats-events", "stats-events", List.of(state));
        OsTicketClient client = camel.getComponent("osticket", OsTicketComponent.class).client();
        camel.getRegistry().bind("ticketChanges", new ChangeDetector(client, state, snapshots, Clock.systemUTC(),
                Duration.ofSeconds(settings.integer("events.overlap-seconds", 2)), start));
        camel.getRegistry().bind("statsEvents", new StatsEvents(client, state, Clock.systemUTC(),
                settings.integer("events.threshold.overdue-per-department", 0)));
        camel.getRegistry().bind("eventEnvelope", new EventEnvelope(client.settings().baseUrl(),
                mode.equals("structured")));
    }
}
