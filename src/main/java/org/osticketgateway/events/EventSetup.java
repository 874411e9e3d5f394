package org.osticketgateway.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
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
        ChangeDetector detector = new ChangeDetector(client, state, snapshots, Clock.systemUTC(),
                Duration.ofSeconds(settings.integer("events.overlap-seconds", 2)), start,
                FirstReadPace.of(settings.fraction("events.first-read-share", 0.25)));
        camel.getRegistry().bind("ticketChanges", detector);
        PollBudget budget = new PollBudget(Duration.ofMillis(settings.integer("events.poll-delay", 10000)),
                settings.fraction("events.server-share", 0.02), Clock.systemUTC());
        camel.getRegistry().bind("eventsBudget", budget);
        MeterRegistry meters = camel.getRegistry().findSingleByType(MeterRegistry.class);
        if (meters != null) {
            Gauge.builder("gateway.events.poll.interval", budget, b -> b.interval().toMillis() / 1000.0)
                    .baseUnit("seconds").description("The events poll interval the server-share budget sets")
                    .register(meters);
        }
        int overdueLimit = settings.integer("events.threshold.overdue-per-department", 0);
        String statsFrom = settings.text("events.stats-from", "state");
        camel.getRegistry().bind("statsEvents", switch (statsFrom) {
            case "state" -> new StatsEvents(detector.states(), state, Clock.systemUTC(), overdueLimit);
            case "server" -> new StatsEvents(client, state, Clock.systemUTC(), overdueLimit);
            default -> throw new IllegalStateException("events.stats-from must be state or server, not '" + statsFrom
                    + "'");
        });
        camel.getRegistry().bind("eventEnvelope", new EventEnvelope(client.settings().baseUrl(),
                mode.equals("structured")));
    }
}
