package org.osticketgateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osticketgateway.command.Commands.binary;
import static org.osticketgateway.command.Commands.structured;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** Commands through a real Kafka broker (KRaft, in this JVM), the running gateway and the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandFlowTest {

    @TempDir
    static Path data;

    private KafkaBroker kafka;
    private SandboxServer sandbox;
    private OsTicketClient client;
    private GatewayTestRun gateway;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> results;
    private KafkaConsumer<String, byte[]> deadLetters;
    private final List<ConsumerRecord<String, byte[]>> resultRecords = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetterRecords = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        kafka = KafkaBroker.start();
        kafka.createTopics(3, Commands.TOPIC);
        kafka.createTopics(1, Commands.RESULTS, Commands.DLQ);
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
        gateway = GatewayTestRun.start(
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "commands.enabled", "true",
                "commands.retry-delay", "100", "commands.max-retry-delay", "1000", "commands.max-attempts", "3",
                "management.port", String.valueOf(GatewayTestRun.freePort()),
                "gateway.data-dir", data.toString());
        producer = kafka.producer();
        results = kafka.consumer(Commands.RESULTS);
        deadLetters = kafka.consumer(Commands.DLQ);
    }

    @AfterAll
    void stop() throws Exception {
        producer.close();
        results.close();
        deadLetters.close();
        gateway.stop();
        client.close();
        sandbox.close();
        kafka.close();
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }

    private JsonNode result(String commandId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Commands.byCommand(KafkaBroker.drain(results, resultRecords)).containsKey(commandId));
        List<JsonNode> all = Commands.byCommand(resultRecords).get(commandId);
        assertThat(all).as("results of " + commandId).hasSize(1);
        return all.get(0);
    }

    private ConsumerRecord<String, byte[]> deadLetter(String commandId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaBroker.drain(deadLetters, deadLetterRecords).stream()
                .anyMatch(r -> commandId.equals(Commands.header(r, "dlq_command_id"))));
        return deadLetterRecords.stream().filter(r -> commandId.equals(Commands.header(r, "dlq_command_id")))
                .findFirst().orElseThrow();
    }

    @Test
    void everyCommandTypeInBothModes() throws Exception {
        send(structured("p", "cmd-create-parent", "osticket.ticket.create",
                "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"Disk full\",\"message\":\"on db1\","
                        + "\"department\":\"IT Operations\",\"priority\":\"High\"}"));
        JsonNode parent = result("cmd-create-parent");
        assertThat(parent.get("status").asText()).isEqualTo("applied");
        String parentNumber = parent.at("/result/number").asText();
        assertThat(parentNumber).isNotBlank();

        send(binary("c", "cmd-create-child", "osticket.ticket.create",
                "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"Clean logs\",\"message\":\"rotate\","
                        + "\"parent\":{\"number\":\"" + parentNumber + "\"}}"));
        String childNumber = result("cmd-create-child").at("/result/number").asText();

        send(binary("p", "cmd-get", "osticket.ticket.get", "{\"ticket\":{\"number\":\"" + parentNumber + "\"}}"));
        JsonNode got = result("cmd-get");
        assertThat(got.at("/result/subject").asText()).isEqualTo("Disk full");
        assertThat(got.at("/result/priority").asText()).isEqualTo("High");

        send(structured("p", "cmd-update", "osticket.ticket.update", "{\"ticket\":{\"number\":\"" + parentNumber
                + "\"},\"changes\":{\"status\":\"Resolved\",\"note\":\"cleaned up\"}}"));
        assertThat(result("cmd-update").at("/result/updatedFields").toString()).contains("status", "note");
        assertThat(client.getTicket(TicketRef.ofNumber(parentNumber)).status()).isEqualTo("Resolved");

        send(binary("c", "cmd-unlink", "osticket.subticket.unlink", "{\"child\":{\"number\":\"" + childNumber + "\"}}"));
        assertThat(result("cmd-unlink").at("/result/parent/number").asText()).isEqualTo(parentNumber);
        send(structured("c", "cmd-link", "osticket.subticket.link", "{\"parent\":{\"number\":\"" + parentNumber
                + "\"},\"child\":{\"number\":\"" + childNumber + "\"}}"));
        assertThat(result("cmd-link").at("/result/child/number").asText()).isEqualTo(childNumber);

        send(structured("c", "cmd-delete", "osticket.ticket.delete", "{\"ticket\":{\"number\":\"" + childNumber + "\"}}"));
        assertThat(result("cmd-delete").get("status").asText()).isEqualTo("applied");
        send(structured("c", "cmd-get-deleted", "osticket.ticket.get", "{\"ticket\":{\"number\":\"" + childNumber + "\"}}"));
        JsonNode gone = result("cmd-get-deleted");
        assertThat(gone.get("status").asText()).isEqualTo("failed");
        assertThat(gone.at("/error/failure").asText()).isEqualTo("NOT_FOUND");
        ConsumerRecord<String, byte[]> letter = deadLetter("cmd-get-deleted");
        assertThat(Commands.header(letter, "dlq_reason")).contains("Ticket not found");
        assertThat(Commands.header(letter, "dlq_attempts")).isEqualTo("1");
        assertThat(Commands.json(letter.value()).get("id").asText()).isEqualTo("cmd-get-deleted");
    }

    @Test
    void badInputIsRejectedWithADeadLetterAndTheConsumerGoesOn() throws Exception {
        ProducerRecord<String, byte[]> notJson = new ProducerRecord<>(Commands.TOPIC, "bad",
                "{this is not json".getBytes(StandardCharsets.UTF_8));
        notJson.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        notJson.headers().add("ce_id", "cmd-not-json".getBytes(StandardCharsets.UTF_8));
        notJson.headers().add("ce_source", "/tests".getBytes(StandardCharsets.UTF_8));
        notJson.headers().add("ce_type", "osticket.ticket.create".getBytes(StandardCharsets.UTF_8));
        send(notJson);
        send(structured("bad", "cmd-schema", "osticket.ticket.create", "{\"name\":\"A\",\"email\":\"a@example.com\","
                + "\"message\":\"no subject\",\"colour\":\"red\"}"));
        send(structured("bad", "cmd-unknown-type", "osticket.ticket.explode", "{}"));
        send(new ProducerRecord<>(Commands.TOPIC, "bad",
                "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"osticket.ticket.get\",\"data\":{}}"
                        .getBytes(StandardCharsets.UTF_8)));
        send(structured("bad", "cmd-no-such-ticket", "osticket.ticket.update",
                "{\"ticket\":{\"number\":\"999999\"},\"changes\":{\"note\":\"x\"}}"));
        send(structured("bad", "cmd-after-bad", "osticket.ticket.get", "{\"ticket\":{\"id\":1}}"));

        assertThat(result("cmd-not-json").get("status").asText()).isEqualTo("rejected");
        assertThat(result("cmd-not-json").at("/error/message").asText()).startsWith("not JSON");
        assertThat(deadLetter("cmd-not-json").value()).isEqualTo("{this is not json".getBytes(StandardCharsets.UTF_8));
        assertThat(Commands.header(deadLetter("cmd-not-json"), "ce_type")).isEqualTo("osticket.ticket.create");

        JsonNode schema = result("cmd-schema");
        assertThat(schema.get("status").asText()).isEqualTo("rejected");
        assertThat(schema.at("/error/message").asText()).contains("schema").contains("subject").contains("colour");
        assertThat(Commands.header(deadLetter("cmd-schema"), "dlq_reason")).contains("schema");

        assertThat(result("cmd-unknown-type").at("/error/message").asText()).contains("unknown command type");
        deadLetter("cmd-unknown-type");

        JsonNode failed = result("cmd-no-such-ticket");
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/error/retryable").asBoolean()).isFalse();
        deadLetter("cmd-no-such-ticket");

        assertThat(result("cmd-after-bad").get("status").asText()).isEqualTo("applied");
        assertThat(Commands.byCommand(resultRecords).keySet())
                .anySatisfy(id -> assertThat(id).startsWith(Commands.TOPIC + "-"));
    }

    @Test
    void aCreateCarriesItsAttachments() throws Exception {
        String content = java.util.Base64.getEncoder().encodeToString(new byte[] {0x50, 0x4b, 3, 4, (byte) 0xff, 0});
        send(structured("files", "cmd-with-file", "osticket.ticket.create", "{\"name\":\"A\",\"email\":"
                + "\"a@example.com\",\"subject\":\"With a file\",\"message\":\"see it\",\"attachments\":"
                + "[{\"filename\":\"trace.zip\",\"contentType\":\"application/zip\",\"content\":\"" + content + "\"}]}"));
        String number = result("cmd-with-file").at("/result/number").asText();
        assertThat(client.getTicket(TicketRef.ofNumber(number)).thread())
                .flatExtracting(ThreadEntry::attachments).containsExactly("trace.zip");
    }

    @Test
    void aCommandThatKeepsFailingWhileOsTicketAnswersIsDeadLetteredAfterItsAttempts() throws Exception {
        sandbox.failCreatesContaining("Cursed");
        try {
            send(structured("cursed", "cmd-cursed", "osticket.ticket.create",
                    "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"Cursed\",\"message\":\"m\"}"));
            send(structured("cursed", "cmd-after-cursed", "osticket.ticket.get", "{\"ticket\":{\"id\":1}}"));

            JsonNode cursed = result("cmd-cursed");
            assertThat(cursed.get("status").asText()).isEqualTo("failed");
            assertThat(cursed.at("/error/failure").asText()).isEqualTo("SERVER_ERROR");
            assertThat(cursed.at("/error/retryable").asBoolean()).isFalse();
            assertThat(cursed.at("/error/message").asText())
                    .contains("gave up after 3 attempts while osTicket answered other calls");
            ConsumerRecord<String, byte[]> letter = deadLetter("cmd-cursed");
            assertThat(Commands.header(letter, "dlq_attempts")).isEqualTo("3");
            assertThat(Commands.header(letter, "dlq_reason")).contains("gave up after 3 attempts");
            // The partition goes on with the next command.
            assertThat(result("cmd-after-cursed").get("status").asText()).isEqualTo("applied");
        } finally {
            sandbox.failCreatesContaining(null);
        }
    }

    @Test
    void aRedeliveredCommandIdTakesEffectOnce() throws Exception {
        int before = sandbox.ticketCount();
        for (int i = 0; i < 3; i++) {
            send(structured("dup", "cmd-once", "osticket.ticket.create",
                    "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"Only once\",\"message\":\"m\"}"));
        }
        send(structured("dup", "cmd-after-dup", "osticket.ticket.get", "{\"ticket\":{\"id\":1}}"));
        result("cmd-after-dup");
        assertThat(result("cmd-once").get("status").asText()).isEqualTo("applied");
        assertThat(sandbox.ticketCount()).isEqualTo(before + 1);
    }

    @Test
    void commandsWithTheSameKeyApplyInOrder() throws Exception {
        send(structured("order", "cmd-order-create", "osticket.ticket.create",
                "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"Ordered\",\"message\":\"m\"}"));
        String number = result("cmd-order-create").at("/result/number").asText();
        for (int i = 1; i <= 20; i++) {
            send((i % 2 == 0 ? Commands.binary("order", "cmd-order-" + i, "osticket.ticket.update",
                    "{\"ticket\":{\"number\":\"" + number + "\"},\"changes\":{\"note\":\"step " + i + "\"}}")
                    : structured("order", "cmd-order-" + i, "osticket.ticket.update",
                    "{\"ticket\":{\"number\":\"" + number + "\"},\"changes\":{\"note\":\"step " + i + "\"}}")));
        }
        result("cmd-order-20");
        Ticket ticket = client.getTicket(TicketRef.ofNumber(number));
        assertThat(ticket.thread()).extracting(ThreadEntry::body).containsSubsequence(
                List.of("step 1", "step 2", "step 3", "step 10", "step 19", "step 20"));
        Map<String, List<JsonNode>> all = Commands.byCommand(KafkaBroker.drain(results, resultRecords));
        for (int i = 1; i <= 20; i++) {
            assertThat(all.get("cmd-order-" + i)).hasSize(1);
        }
    }

    @Test
    void answeredCommandsHaveTheirOffsetsCommitted() throws Exception {
        for (int i = 0; i < 6; i++) {
            send(structured("offsets-" + i, "cmd-offsets-" + i, "osticket.ticket.create",
                    "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"Offsets\",\"message\":\"m\"}"));
        }
        result("cmd-offsets-5");
        // The commits go out without waiting for the broker: they must still arrive, up to each partition's end.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("osticket-gateway")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (int p = 0; p < 3; p++) {
                    partitions.put(new TopicPartition(Commands.TOPIC, p), OffsetSpec.latest());
                }
                admin.listOffsets(partitions).all().get().forEach((partition, end) -> assertThat(
                        committed.get(partition)).as("committed offset of " + partition).isNotNull()
                        .extracting(OffsetAndMetadata::offset).isEqualTo(end.offset()));
            });
        }
    }
}
