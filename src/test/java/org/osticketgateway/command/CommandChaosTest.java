package org.osticketgateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * 2,000 commands while the gateway is stopped and restarted once and osTicket is away for 20 s,
 * with the ledger of published commands on Kafka: every command has exactly one result, no ticket
 * is created twice, nothing is dead-lettered — counted.
 */
class CommandChaosTest {

    private static final int COMMANDS = 2000;

    @TempDir
    Path data;

    private GatewayTestRun gateway(KafkaBroker kafka, SandboxServer sandbox, int shutdownSeconds) throws Exception {
        return GatewayTestRun.start(
                "camel.main.shutdown-timeout", String.valueOf(shutdownSeconds),
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "commands.enabled", "true",
                "commands.ledger", "kafka",
                "commands.retry-delay", "100", "commands.max-retry-delay", "1000",
                "management.port", String.valueOf(GatewayTestRun.freePort()),
                "gateway.data-dir", data.toString());
    }

    @Test
    void everyCommandHasOneResultThroughARestartAndAnOutage() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
             KafkaProducer<String, byte[]> producer = kafka.producer();
             KafkaConsumer<String, byte[]> results = kafka.consumer(Commands.RESULTS);
             KafkaConsumer<String, byte[]> deadLetters = kafka.consumer(Commands.DLQ)) {
            kafka.createTopics(3, Commands.TOPIC);
            kafka.createTopics(1, Commands.RESULTS, Commands.DLQ);
            // Every partition led before the first send: a send racing a new partition's leader can leave the
            // idempotent producer retrying its first batch out of sequence for good (seen under load).
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.partitionsFor(Commands.TOPIC).stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            for (int i = 0; i < COMMANDS; i++) {
                String data = String.format("{\"name\":\"Load\",\"email\":\"load@example.com\","
                        + "\"subject\":\"Chaos %04d\",\"message\":\"command %d\"}", i, i);
                producer.send(i % 2 == 0 ? Commands.structured("key-" + (i % 50), "chaos-" + i,
                        "osticket.ticket.create", data)
                        : Commands.binary("key-" + (i % 50), "chaos-" + i, "osticket.ticket.create", data));
            }
            producer.flush();
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();

            // The first gateway is cut off: a 1 s shutdown abandons the commands it is working on, as a
            // kill would, so some are left started-but-not-done for the second to sort out.
            GatewayTestRun first = gateway(kafka, sandbox, 1);
            await().atMost(Duration.ofSeconds(120)).until(() -> KafkaBroker.drain(results, seen).size() >= 400);
            first.stop();

            GatewayTestRun second = gateway(kafka, sandbox, 45);
            await().atMost(Duration.ofSeconds(120)).until(() -> KafkaBroker.drain(results, seen).size() >= 1000);
            sandbox.goOffline();
            int atOutage = KafkaBroker.drain(results, seen).size();
            // For the 20 s osTicket is away, commands wait: no results beyond the batches in flight (3
            // consumers, 20 records each), no dead letters.
            await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30)).until(() ->
                    KafkaBroker.drain(results, seen).size() <= atOutage + 3 * 20
                            && KafkaBroker.drain(deadLetters, dead).isEmpty());
            sandbox.comeBack();

            await().atMost(Duration.ofSeconds(180)).until(() ->
                    Commands.byCommand(KafkaBroker.drain(results, seen)).size() >= COMMANDS);
            second.stop();
            KafkaBroker.drain(results, seen);

            Map<String, List<JsonNode>> byCommand = Commands.byCommand(seen);
            assertThat(byCommand).hasSize(COMMANDS);
            assertThat(byCommand.values()).allSatisfy(one -> {
                assertThat(one).hasSize(1);
                assertThat(one.get(0).get("status").asText()).isEqualTo("applied");
            });
            assertThat(KafkaBroker.drain(deadLetters, dead)).isEmpty();
            Map<String, Long> perSubject = client.searchAll(SearchQuery.all()).map(TicketSummary::subject)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perSubject).hasSize(COMMANDS);
            assertThat(perSubject.values()).allMatch(n -> n == 1);
        }
    }
}
