package org.osticketgateway.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.retry.RetryBudgets;
import org.osticketgateway.state.CompactedTopic;
import org.osticketgateway.state.RecentIds;
import org.osticketgateway.state.StateStores;

/**
 * Binds the beans {@code routes/commands.yaml} calls. The ledger of published command ids is a
 * file ({@code commands.ledger=file}, one gateway) or a compacted Kafka topic
 * ({@code commands.ledger=kafka}, shared by every gateway of the group). Runs once before the
 * routes start.
 */
public final class CommandSetup {

    private CommandSetup() {
    }

    public static void install(CamelContext camel, Settings settings) throws Exception {
        File data = new File(settings.text("gateway.data-dir", "data"));
        StateStores stores = new StateStores(settings);
        StateRepository<String, String> states = stores.open("commands", "commands.ledger", "command-ledger.dat",
                1024L * 1024 * 1024, new ConcurrentHashMap<>());
        camel.addService(states);
        IdempotentRepository published = published(settings, stores, data);
        camel.addService(published);
        // A command osTicket keeps refusing while it answers other calls is dead-lettered after 8
        // attempts: the backoff (0.5 s doubling to 10 s) makes that about 40 s, more than a passing fault.
        CommandService service = new CommandService(
                new CommandHandler(camel.getComponent("osticket", OsTicketComponent.class).client()),
                new CommandLedger(states, published), RetryBudgets.install(camel, settings, "commands", "Command", 8),
                Clock.systemUTC());
        camel.getRegistry().bind("commands", service);
        int maxInFlight = settings.integer("commands.max-in-flight", 8);
        if (maxInFlight < 1) {
            throw new IllegalStateException("commands.max-in-flight must be 1 or more, not " + maxInFlight);
        }
        ProducerTemplate apply = camel.createProducerTemplate();
        apply.setDefaultEndpointUri("direct:command");
        camel.getRegistry().bind("commandBatches", new CommandBatches(apply,
                camel.getExecutorServiceManager().newFixedThreadPool(service, "Commands", maxInFlight), service,
                settings.text("commands.source", "osticket-gateway"),
                settings.text("commands.dlq-topic", "osticket.commands.dlq"),
                camel.getRegistry().findSingleByType(MeterRegistry.class)));
    }

    private static IdempotentRepository published(Settings settings, StateStores stores, File data) {
        if (!stores.inKafka("commands.ledger")) {
            return new RecentIds(new File(data, "command-published.dat"), 1_000_000);
        }
        String topic = settings.text("commands.ledger-topic", "osticket.command-ledger");
        String servers = settings.text("kafka.bootstrap-servers", "localhost:9092");
        CompactedTopic.ensure(topic, servers, "commands.ledger-topic");
        KafkaIdempotentRepository shared = new KafkaIdempotentRepository(topic, servers, 1_000_000, 100);
        shared.setStartupOnly(false);
        return shared;
    }
}
