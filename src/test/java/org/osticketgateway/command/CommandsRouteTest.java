package org.osticketgateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
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
            a.weaveByToUri("kafka:.*commands.results-topic.*").replace().to("mock:results");
            a.weaveByToUri("kafka:.*commands.dlq-topic.*").replace().to("mock:dlq");
        });
    }

    private void send(String id, String type, String data) {
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/tests\",\"type\":\"" + type
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        template.sendBodyAndHeader("direct:commands", event.getBytes(StandardCharsets.UTF_8), "content-type",
                "application/cloudevents+json");
    }

    private static JsonNode data(MockEndpoint results, int index) throws Exception {
        return Commands.JSON.readTree(results.getExchanges().get(index).getMessage().getBody(String.class))
                .path("data");
    }

    @Test
    void anAppliedCommandHasOneResultAndNoDeadLetter() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:results");
        results.expectedMessageCount(1);
        results.expectedHeaderReceived("content-type", "application/cloudevents+json");
        getMockEndpoint("mock:dlq").expectedMessageCount(0);

        send("c-create", "osticket.ticket.create", "{\"name\":\"Ops\",\"email\":\"ops@example.com\","
                + "\"subject\":\"Disk full\",\"message\":\"on db1\"}");

        MockEndpoint.assertIsSatisfied(context);
        JsonNode result = data(results, 0);
        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(result.at("/result/number").asText()).isNotBlank();
        assertThat(count("gateway.commands", Map.of("status", "APPLIED"))).isEqualTo(1);
    }

    @Test
    void aCommandThatIsNotJsonIsRejectedAndDeadLettered() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        dlq.expectedBodiesReceived("{not json".getBytes(StandardCharsets.UTF_8));
        dlq.expectedHeaderReceived("dlq_attempts", "1");

        template.sendBodyAndHeaders("direct:commands", "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_id", "c-bad", "ce_type", "osticket.ticket.create", "ce_specversion", "1.0",
                        "ce_source", "/tests", "content-type", "application/json"));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(dlq.getExchanges().get(0).getMessage().getHeader("dlq_reason", String.class)).isNotBlank();
        assertThat(data(getMockEndpoint("mock:results"), 0).path("status").asText()).isEqualTo("rejected");
    }

    @Test
    void aCommandOsTicketRefusesFailsAndIsDeadLettered() throws Exception {
        getMockEndpoint("mock:dlq").expectedMessageCount(1);

        send("c-get-missing", "osticket.ticket.get", "{\"ticket\":{\"number\":\"999999\"}}");

        MockEndpoint.assertIsSatisfied(context);
        JsonNode result = data(getMockEndpoint("mock:results"), 0);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.at("/error/retryable").asBoolean()).isFalse();
    }

    @Test
    void aCommandWaitsOutAnOutageAndIsApplied() throws Exception {
        sandbox.goOffline();
        MockEndpoint results = getMockEndpoint("mock:results");
        results.expectedMessageCount(1);

        template.asyncSendBody("direct:commands", ("{\"specversion\":\"1.0\",\"id\":\"c-outage\",\"source\":\"/t\","
                + "\"type\":\"osticket.ticket.create\",\"datacontenttype\":\"application/json\",\"data\":{\"name\":"
                + "\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"after the outage\",\"message\":\"m\"}}")
                .getBytes(StandardCharsets.UTF_8));
        // An outage is not the command's fault: retried past commands.max-attempts (3), never given up.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway.retries",
                Map.of("flow", "commands", "failure", "UNREACHABLE")) > 3);
        sandbox.comeBack();

        results.assertIsSatisfied(10_000);
        assertThat(data(results, 0).path("status").asText()).isEqualTo("applied");
        getMockEndpoint("mock:dlq").expectedMessageCount(0);
        getMockEndpoint("mock:dlq").assertIsSatisfied();
    }

    @Test
    void aCommandThatKeepsFailingWhileOsTicketAnswersIsGivenUp() throws Exception {
        sandbox.failCreatesContaining("cursed");
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        dlq.expectedHeaderReceived("dlq_attempts", "3");

        send("c-cursed", "osticket.ticket.create", "{\"name\":\"Ops\",\"email\":\"ops@example.com\","
                + "\"subject\":\"cursed\",\"message\":\"m\"}");

        MockEndpoint.assertIsSatisfied(context);
        JsonNode result = data(getMockEndpoint("mock:results"), 0);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.at("/error/message").asText()).contains("gave up after 3 attempts while osTicket answered other calls");
    }

    @Test
    void aCommandIdTakesEffectOnce() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:results");
        String create = "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"subject\":\"Once\",\"message\":\"m\"}";
        int before = sandbox.ticketCount();

        send("c-once", "osticket.ticket.create", create);
        send("c-once", "osticket.ticket.create", create);

        assertThat(sandbox.ticketCount()).isEqualTo(before + 1);
        results.expectedMessageCount(1);
        results.assertIsSatisfied();
    }
}
