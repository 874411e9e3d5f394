package org.osticketgateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.osticketgateway.GatewayRouteTestSupport;
import org.osticketgateway.Settings;

/**
 * {@code routes/commands.yaml} with Camel's test kit: the Kafka consumer replaced by
 * {@code direct:commands}, the results and dead-letter topics by mock endpoints; every branch the
 * route decides: applied, rejected, failed, retried through an outage, given up, and a command id taken once.
 */
class CommandsRouteTest extends GatewayRouteTestSupport {

    @Override
    protected String routeFile() {
        return "commands.yaml";
    }

    @Override
    protected String[] settings() {
        return new String[] {"commands.enabled", "true", "commands.retry-delay", "20", "commands.max-retry-delay", "100",
                "commands.max-attempts", "3"};
    }

    @Override
    protected void install(CamelContext camel, Settings settings) throws Exception {
        CommandSetup.install(camel, settings);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "commands", a -> {
            a.replaceFromWith("direct:commands");
            a.weaveByToUri("kafka:.*commands.results-topic.*").replace().to("mock:written");
        });
        // A gateway that breaks down on one record (not through osTicket): what a crash mid-batch leaves.
        AdviceWith.adviceWith(context, "command", a -> a.weaveAddFirst().process(e -> {
            if (breaksDownOn.equals(e.getMessage().getHeader(KafkaConstants.KEY))) {
                throw new IllegalStateException("broke down");
            }
        }));
    }

    private volatile String breaksDownOn = "";

    /** Offsets committed, as the records' manual commits were called. */
    private final List<Long> committed = new CopyOnWriteArrayList<>();
    private long nextOffset;

    /** A record as the batching Kafka consumer hands it over, on partition 0 of the commands topic. */
    private Exchange record(String key, byte[] value, Map<String, Object> headers) {
        Exchange record = new DefaultExchange(context);
        record.getMessage().setHeaders(new HashMap<>(headers));
        long offset = nextOffset++;
        record.getMessage().setHeader(KafkaConstants.TOPIC, Commands.TOPIC);
        record.getMessage().setHeader(KafkaConstants.PARTITION, 0);
        record.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        record.getMessage().setHeader(KafkaConstants.KEY, key);
        record.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) () -> committed.add(offset + 1));
        record.getMessage().setBody(value);
        return record;
    }

    private Exchange command(String key, String id, String type, String data) {
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/tests\",\"type\":\"" + type
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        return record(key, event.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/cloudevents+json"));
    }

    private static String create(String subject) {
        return "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"" + subject + "\",\"message\":\"m\"}";
    }

    private void batch(Exchange... records) {
        template.sendBody("direct:commands", List.of(records));
    }

    private void send(String id, String type, String data) {
        batch(command("k-" + id, id, type, data));
    }

    /** The messages written (results and dead letters), over all batches, in order. */
    private List<Message> written() {
        List<Message> all = new ArrayList<>();
        for (Exchange batch : getMockEndpoint("mock:written").getExchanges()) {
            @SuppressWarnings("unchecked")
            List<Message> messages = batch.getMessage().getBody(List.class);
            all.addAll(messages);
        }
        return all;
    }

    private List<Message> deadLetters() {
        return written().stream().filter(m -> m.getHeader(KafkaConstants.OVERRIDE_TOPIC) != null).toList();
    }

    private List<JsonNode> results() throws Exception {
        List<JsonNode> results = new ArrayList<>();
        for (Message message : written()) {
            if (message.getHeader(KafkaConstants.OVERRIDE_TOPIC) == null) {
                results.add(Commands.json(message.getBody(byte[].class)).path("data"));
            }
        }
        return results;
    }

    @Test
    void anAppliedCreateHasOneResultWithWhatTheApiAnsweredAndNoDeadLetter() throws Exception {
        send("c-create", "osticket.ticket.create", "{\"name\":\"Ops\",\"email\":\"ops@example.com\","
                + "\"subject\":\"Disk full\",\"message\":\"on db1\"}");

        assertThat(deadLetters()).isEmpty();
        assertThat(written()).singleElement().satisfies(m -> {
            assertThat(m.getHeader("content-type")).isEqualTo("application/cloudevents+json");
            assertThat(m.getHeader(KafkaConstants.KEY)).isEqualTo("k-c-create");
        });
        JsonNode result = results().get(0);
        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(result.at("/result/number").asText()).isNotBlank();
        assertThat(result.at("/result/ticket").isMissingNode()).isTrue();
        assertThat(count("gateway.commands", Map.of("status", "APPLIED"))).isEqualTo(1);
        assertThat(committed).containsExactly(1L);
    }

    @Test
    void aCreateThatAsksForTheTicketGetsItInItsResult() throws Exception {
        send("c-fetch", "osticket.ticket.create", "{\"name\":\"Ops\",\"email\":\"ops@example.com\","
                + "\"subject\":\"Fetched\",\"message\":\"m\",\"fetchTicket\":true}");

        JsonNode result = results().get(0).path("result");
        assertThat(result.at("/ticket/subject").asText()).isEqualTo("Fetched");
        assertThat(result.at("/ticket/number").asText()).isEqualTo(result.path("number").asText());
        assertThat(result.path("id").asLong()).isPositive();
    }

    @Test
    void aCommandThatIsNotJsonIsRejectedAndDeadLettered() throws Exception {
        batch(record("k-bad", "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_id", "c-bad", "ce_type", "osticket.ticket.create", "ce_specversion", "1.0",
                        "ce_source", "/tests", "content-type", "application/json")));

        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getBody(byte[].class)).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
            assertThat(letter.getHeader("dlq_attempts")).isEqualTo("1");
            assertThat(letter.getHeader("dlq_reason", String.class)).isNotBlank();
            assertThat(letter.getHeader("ce_id")).isEqualTo("c-bad");
        });
        assertThat(results()).singleElement().satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("rejected"));
        assertThat(written().stream().filter(m -> m.getHeader(KafkaConstants.OVERRIDE_TOPIC) == null)
                .map(m -> m.getHeader("ce_id"))).containsOnlyNulls();
        assertThat(committed).containsExactly(1L);
    }

    @Test
    void aCommandOsTicketRefusesFailsAndIsDeadLettered() throws Exception {
        send("c-get-missing", "osticket.ticket.get", "{\"ticket\":{\"number\":\"999999\"}}");

        assertThat(deadLetters()).hasSize(1);
        JsonNode result = results().get(0);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.at("/error/retryable").asBoolean()).isFalse();
    }

    @Test
    void aCommandWaitsOutAnOutageAndIsApplied() throws Exception {
        sandbox.goOffline();
        MockEndpoint written = getMockEndpoint("mock:written");
        written.expectedMessageCount(1);

        template.asyncSendBody("direct:commands", List.of(command("k", "c-outage", "osticket.ticket.create",
                "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"after the outage\",\"message\":\"m\"}")));
        // An outage is not the command's fault: retried past commands.max-attempts (3), never given up.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway.retries",
                Map.of("flow", "commands", "failure", "UNREACHABLE")) > 3);
        assertThat(committed).isEmpty();
        sandbox.comeBack();

        written.assertIsSatisfied(10_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> committed.size() == 1);
        assertThat(results().get(0).path("status").asText()).isEqualTo("applied");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aCommandThatKeepsFailingWhileOsTicketAnswersIsGivenUp() throws Exception {
        sandbox.failCreatesContaining("cursed");

        send("c-cursed", "osticket.ticket.create", "{\"name\":\"Ops\",\"email\":\"ops@example.com\","
                + "\"subject\":\"cursed\",\"message\":\"m\"}");

        assertThat(deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.getHeader("dlq_attempts")).isEqualTo("3"));
        JsonNode result = results().get(0);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.at("/error/message").asText()).contains("gave up after 3 attempts while osTicket answered other calls");
    }

    @Test
    void aCommandIdTakesEffectOnce() throws Exception {
        String create = "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"Once\",\"message\":\"m\"}";
        int before = sandbox.ticketCount();

        send("c-once", "osticket.ticket.create", create);
        send("c-once", "osticket.ticket.create", create);

        assertThat(sandbox.ticketCount()).isEqualTo(before + 1);
        assertThat(results()).hasSize(1);
        assertThat(committed).containsExactly(1L, 2L);
    }

    @Test
    void oneCommandIdUnderTwoKeysInOneBatchTakesEffectOnce() throws Exception {
        int before = sandbox.ticketCount();

        batch(command("K1", "c-twice", "osticket.ticket.create", create("twice")),
                command("K2", "c-twice", "osticket.ticket.create", create("twice")));

        assertThat(sandbox.ticketCount()).isEqualTo(before + 1);
        assertThat(results()).hasSize(1);
        assertThat(committed).containsExactly(2L);
    }

    @Test
    void aKeysCommandsApplyInOrderWhileOtherKeysRunBesideThem() throws Exception {
        sandbox.serviceTime(Duration.ofMillis(200));
        List<Exchange> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(command("same", "c-same-" + i, "osticket.ticket.create",
                    "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"same " + i + "\",\"message\":\"m\"}"));
            records.add(command("other-" + i, "c-other-" + i, "osticket.ticket.create",
                    "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"other " + i + "\",\"message\":\"m\"}"));
        }

        batch(records.toArray(Exchange[]::new));

        Map<String, Long> ids = new HashMap<>();
        for (JsonNode result : results()) {
            ids.put(result.path("commandId").asText(), result.at("/result/id").asLong());
        }
        // The key's creates were made one after another, in offset order (the sandbox numbers ids as it creates)…
        assertThat(List.of(ids.get("c-same-0"), ids.get("c-same-1"), ids.get("c-same-2"), ids.get("c-same-3")))
                .isSorted();
        // …while the other keys, behind them in the partition, did not wait: all four were made
        // before the key's second create, which waited for its first's answer.
        assertThat(ids.get("c-same-1")).isGreaterThan(Collections.max(List.of(ids.get("c-other-0"),
                ids.get("c-other-1"), ids.get("c-other-2"), ids.get("c-other-3"))));
        assertThat(results()).extracting(r -> r.path("commandId").asText()).containsExactly("c-same-0", "c-other-0",
                "c-same-1", "c-other-1", "c-same-2", "c-other-2", "c-same-3", "c-other-3");
        assertThat(committed).containsExactly(8L);
    }

    @Test
    void aBatchThatBreaksDownMidwayCommitsBelowItAndItsRedeliveryTakesEffectOnce() throws Exception {
        int before = sandbox.ticketCount();
        breaksDownOn = "B";
        Exchange[] records = {command("A", "c-a1", "osticket.ticket.create", create("a1")),
            command("B", "c-b", "osticket.ticket.create", create("b")),
            command("C", "c-c", "osticket.ticket.create", create("c")),
            command("A", "c-a2", "osticket.ticket.create", create("a2"))};

        assertThatThrownBy(() -> batch(records)).hasRootCauseMessage("broke down");

        // The others took effect and have their results; the commit stops below the broken record.
        assertThat(results()).extracting(r -> r.path("commandId").asText()).containsExactly("c-a1", "c-c", "c-a2");
        assertThat(committed).containsExactly(1L);

        // The consumer reads again from the committed offset: only the broken record takes effect now.
        breaksDownOn = "";
        nextOffset = 1;
        batch(command("B", "c-b", "osticket.ticket.create", create("b")),
                command("C", "c-c", "osticket.ticket.create", create("c")),
                command("A", "c-a2", "osticket.ticket.create", create("a2")));

        assertThat(results()).extracting(r -> r.path("commandId").asText())
                .containsExactly("c-a1", "c-c", "c-a2", "c-b");
        assertThat(committed).containsExactly(1L, 4L);
        assertThat(sandbox.ticketCount()).isEqualTo(before + 4);
    }
}
