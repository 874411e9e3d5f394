package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osticketgateway.GatewayRouteTestSupport;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * {@code routes/ticket-events.yaml} with Camel's test kit: {@code osticket:events} polls the sandbox
 * as written, Kafka is a mock endpoint; each event type the route publishes, its CloudEvents
 * headers, and the stats events with their failure path.
 */
class TicketEventsRouteTest extends GatewayRouteTestSupport {

    private OsTicketClient osticket;

    @Override
    protected String routeFile() {
        return "ticket-events.yaml";
    }

    @Override
    protected String[] settings() {
        return new String[] {"events.enabled", "true", "events.poll-delay", "100", "events.sweep-every", "1",
                "events.threshold.overdue-per-department", "1", "events.stats-from", "server",
                // Against the sandbox at full speed a poll's time is the gateway's own: no pacing (PollBudgetTest).
                "events.server-share", "1"};
    }

    @Override
    protected void install(CamelContext camel, Settings settings) throws Exception {
        EventSetup.install(camel, settings);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "ticket-events",
                a -> a.weaveByToUri("kafka:.*events.topic.*").replace().to("mock:events"));
        AdviceWith.adviceWith(context, "stats-events", a -> {
            a.replaceFromWith("direct:stats-events");
            a.weaveByToUri("kafka:.*events.topic.*").replace().to("mock:stats");
        });
    }

    @BeforeEach
    void client() {
        osticket = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY));
    }

    @AfterEach
    void closeClient() throws Exception {
        osticket.close();
    }

    private List<String> types() {
        return getMockEndpoint("mock:events").getExchanges().stream()
                .map(e -> e.getMessage().getHeader("ce_type", String.class)).toList();
    }

    private void awaitType(String type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> types().contains(type));
    }

    @Test
    void everyKindOfChangeIsPublishedAsItsEventType() throws Exception {
        // The first poll takes the helpdesk as it is (its watermark kept): no event for what was there.
        Path state = data.resolve("ticket-events.dat");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(state)
                && Files.readString(state).contains(ChangeDetector.WATERMARK));
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
        String number = osticket.createTicket(NewTicket.of("Ada", "ada@example.com", "Printer", "on fire"))
                .number();
        awaitType("osticket.ticket.created");
        TicketRef ticket = TicketRef.ofNumber(number);

        osticket.updateTicket(ticket, new TicketUpdate(null, null, null, null, null, null, "High", null, null));
        awaitType("osticket.ticket.priority-changed");
        osticket.updateTicket(ticket, new TicketUpdate(null, "Billing", null, null, null, null, null, null, null));
        awaitType("osticket.ticket.department-changed");
        osticket.updateTicket(ticket, new TicketUpdate(null, null, null, null, null, null, null, "2020-01-01", null));
        awaitType("osticket.ticket.due-date-changed");
        awaitType("osticket.ticket.overdue");
        osticket.updateTicket(ticket, TicketUpdate.none().withStatus("Closed"));
        awaitType("osticket.ticket.closed");
        osticket.updateTicket(ticket, TicketUpdate.none().withStatus("Open"));
        awaitType("osticket.ticket.reopened");
        osticket.deleteTicket(ticket);
        awaitType("osticket.ticket.deleted");

        assertThat(types()).contains("osticket.ticket.status-changed", "osticket.ticket.updated");
        Exchange created = getMockEndpoint("mock:events").getExchanges().get(0);
        assertThat(created.getMessage().getHeader("ce_specversion")).isEqualTo("1.0");
        assertThat(created.getMessage().getHeader("ce_subject")).isEqualTo(number);
        assertThat(created.getMessage().getHeader("ce_source")).isEqualTo(sandbox.url());
        assertThat(created.getMessage().getHeader("kafka.KEY")).isEqualTo(number);
        // The data is marshalled JSON (camel-jackson), not a Java object.
        assertThat(new ObjectMapper().readTree(created.getMessage().getBody(String.class)).isObject()).isTrue();
        assertThat(count("gateway.events", Map.of("type", "osticket.ticket.deleted"))).isEqualTo(1);
    }

    @Test
    void statsEventsPublishASnapshotAndEachThresholdCrossing() throws Exception {
        MockEndpoint stats = getMockEndpoint("mock:stats");
        for (String subject : List.of("Late one", "Late two")) {
            osticket.createTicket(NewTicket.of("Ada", "ada@example.com", subject, "m").withDepartment("Support")
                    .withDueDate("2020-01-01"));
        }

        template.sendBody("direct:stats-events", null);

        List<String> types = stats.getExchanges().stream()
                .map(e -> e.getMessage().getHeader("ce_type", String.class)).toList();
        assertThat(types).contains("osticket.stats.snapshot", "osticket.stats.threshold-crossed");
        template.sendBody("direct:stats-events", null);
        assertThat(stats.getExchanges().stream().filter(e -> "osticket.stats.threshold-crossed"
                .equals(e.getMessage().getHeader("ce_type")))).as("once per crossing").hasSize(1);
    }

    @Test
    void aStatsSnapshotOsTicketFailsIsSkippedNotRaised() {
        sandbox.goOffline();

        Exchange fired = template.send("direct:stats-events", e -> { });

        assertThat(fired.getException()).isNull();
        assertThat(getMockEndpoint("mock:stats").getReceivedCounter()).isZero();
    }
}
