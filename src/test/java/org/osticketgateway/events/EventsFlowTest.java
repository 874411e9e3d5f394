package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.LogLines;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** Ticket changes to Kafka through the running gateway, a real broker and the sandbox. */
class EventsFlowTest {

    @TempDir
    Path data;

    @TempDir
    Path otherData;

    private GatewayTestRun gateway(KafkaBroker kafka, SandboxServer sandbox, String mode, String... more)
            throws Exception {
        List<String> settings = new ArrayList<>(List.of(
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "events.enabled", "true", "events.mode", mode,
                "events.poll-delay", "200", "events.sweep-every", "2",
                // Against the sandbox at full speed a poll's time is the gateway's own: no pacing (PollBudgetTest).
                "events.server-share", "1",
                "management.port", String.valueOf(GatewayTestRun.freePort()),
                "gateway.data-dir", data.toString()));
        settings.addAll(List.of(more));
        return GatewayTestRun.start(settings.toArray(String[]::new));
    }

    @Test
    void statsSnapshotsGoOutOnTheirSchedule() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
             KafkaConsumer<String, byte[]> events = kafka.consumer("osticket.events")) {
            kafka.createTopics(1, "osticket.events");
            GatewayTestRun gateway = gateway(kafka, sandbox, "binary", "events.stats-cron", "* * * * * ?");
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> KafkaBroker.drain(events, seen).stream()
                    .anyMatch(r -> "osticket.stats.snapshot".equals(header(r, "ce_type"))));
            gateway.stop();
            ConsumerRecord<String, byte[]> snapshot = seen.stream()
                    .filter(r -> "osticket.stats.snapshot".equals(header(r, "ce_type"))).findFirst().orElseThrow();
            assertThat(new String(snapshot.value(), StandardCharsets.UTF_8)).contains("\"byDepartment\"");
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void changesBecomeCloudEventsOnceAcrossARestartOnAnotherHost() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
             KafkaConsumer<String, byte[]> events = kafka.consumer("osticket.events")) {
            kafka.createTopics(3, "osticket.events");
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            // The state lives on Kafka: the second gateway, with an empty data folder, starts where the first stopped.
            GatewayTestRun first = gateway(kafka, sandbox, "binary", "events.state", "kafka");
            // Starting "now": the demo tickets are taken as they are, nothing is published for them.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> KafkaBroker.drain(events, seen).isEmpty());

            CreatedTicket created = client.createTicket(NewTicket.of("A", "a@example.com", "Evented", "m"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !KafkaBroker.drain(events, seen).isEmpty());
            ConsumerRecord<String, byte[]> event = seen.get(0);
            assertThat(event.key()).isEqualTo(created.number());
            assertThat(header(event, "ce_type")).isEqualTo("osticket.ticket.created");
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(event, "ce_source")).isEqualTo(sandbox.url());
            assertThat(header(event, "ce_subject")).isEqualTo(created.number());
            assertThat(header(event, "ce_id")).hasSize(32);
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"subject\":\"Evented\"");
            first.stop();

            // Changed while no gateway runs: the next one publishes it once, and nothing from before.
            client.updateTicket(TicketRef.ofNumber(created.number()), TicketUpdate.none().withStatus("Closed"));
            GatewayTestRun second = gateway(kafka, sandbox, "structured", "events.state", "kafka",
                    "gateway.data-dir", otherData.toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> KafkaBroker.drain(events, seen).size() >= 4);
            client.deleteTicket(TicketRef.ofNumber(created.number()));
            await().atMost(Duration.ofSeconds(20)).until(() -> KafkaBroker.drain(events, seen).size() >= 5);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> KafkaBroker.drain(events, seen).size() == 5);
            second.stop();

            List<String> types = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : seen) {
                String type = header(record, "ce_type");
                if (type == null) {
                    var structured = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
                    type = structured.get("type").asText();
                    ids.add(structured.get("id").asText());
                    assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json");
                } else {
                    ids.add(header(record, "ce_id"));
                }
                types.add(type);
            }
            assertThat(types).containsExactly("osticket.ticket.created", "osticket.ticket.status-changed",
                    "osticket.ticket.closed", "osticket.ticket.updated", "osticket.ticket.deleted");
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void anOutageIsWaitedOutWithOneLineAPollAndNothingMissed() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
             KafkaConsumer<String, byte[]> events = kafka.consumer("osticket.events")) {
            kafka.createTopics(1, "osticket.events");
            GatewayTestRun gateway = gateway(kafka, sandbox, "binary", "events.stats-cron", "* * * * * ?",
                    "events.stats-from", "server");
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            // Starting "now": the first poll takes the tickets as they are; what changes after it is published.
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(data.resolve("ticket-events.dat"))
                    .contains("watermark"));
            CreatedTicket before = client.createTicket(NewTicket.of("A", "a@example.com", "Before outage", "m"));
            await().atMost(Duration.ofSeconds(20)).until(() -> KafkaBroker.drain(events, seen).stream()
                    .anyMatch(r -> before.number().equals(r.key())));
            try (LogLines log = LogLines.capture()) {
                sandbox.goOffline();
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        log.containing("Ticket events: the poll failed").size() >= 3
                                && !log.containing("Stats events: no snapshot this time").isEmpty());
                sandbox.comeBack();
                // Then searches fail while the rest of osTicket works: a change made meanwhile is not missed.
                sandbox.failSearches(true);
                int failedPolls = log.containing("Ticket events: the poll failed").size();
                client.updateTicket(TicketRef.ofNumber(before.number()), TicketUpdate.none().withStatus("Closed"));
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        log.containing("Ticket events: the poll failed").size() >= failedPolls + 3);
                sandbox.failSearches(false);
                await().atMost(Duration.ofSeconds(20)).until(() -> KafkaBroker.drain(events, seen).stream()
                        .anyMatch(r -> before.number().equals(r.key())
                                && "osticket.ticket.closed".equals(header(r, "ce_type"))));
                assertThat(log.all()).noneMatch(LogLines.Line::stackTrace);
            } finally {
                gateway.stop();
            }
        }
    }
}
