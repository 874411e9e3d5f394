package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.osticketgateway.GatewayRouteTestSupport;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;

/**
 * {@code routes/scheduled-jobs.yaml} with Camel's test kit: the management port's endpoint and Kafka
 * are replaced (a {@code direct:} and a mock endpoint); each action logged, counted and published,
 * a dry run counted but not published, a fire osTicket keeps failing stopped with a 503 and
 * completed by the next one, and an unknown job.
 */
class ScheduledJobsRouteTest extends GatewayRouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String routeFile() {
        return "scheduled-jobs.yaml";
    }

    @Override
    protected String[] settings() {
        return new String[] {"jobs.names", "checklist,rehearsal", "jobs.publish-results", "true",
            "jobs.retries", "1", "jobs.retry-delay", "10",
            "job.checklist.kind", "create", "job.checklist.cron", "0 0 0 1 1 ? 2099",
            "job.checklist.subject", "Onboarding week {week}", "job.checklist.message", "New starters.",
            "job.checklist.requester-email", "hr@example.com", "job.checklist.children", "laptop, badge",
            "job.rehearsal.kind", "update", "job.rehearsal.cron", "0 0 0 1 1 ? 2099", "job.rehearsal.dry-run", "true",
            "job.rehearsal.search.status", "Open", "job.rehearsal.set.status", "Closed"};
    }

    @Override
    protected void install(CamelContext camel, Settings settings) throws Exception {
        JobSetup.install(camel, settings, department -> Optional.empty());
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "job-on-demand", a -> a.replaceFromWith("direct:on-demand"));
        AdviceWith.adviceWith(context, "job-fire", a -> a.weaveByToUri("kafka:*").replace().to("mock:results"));
    }

    private Exchange fire(String job) {
        return template.request("direct:on-demand", e -> {
            e.getMessage().setHeader("name", job);
            e.getMessage().setHeader("Authorization", "Basic b3BzOnNlY3JldA==");
        });
    }

    @Test
    void eachActionIsLoggedCountedAndPublishedAsOneCloudEventWithNoCallersHeaders() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:results");
        results.expectedMessageCount(5);

        Exchange answer = fire("checklist");

        results.assertIsSatisfied(10_000);
        assertThat(answer.getMessage().getBody(String.class)).startsWith("fire checklist@manual-").contains("5 applied");
        assertThat(count("gateway.jobs", Map.of("job", "checklist", "outcome", "applied"))).isEqualTo(5);
        List<JsonNode> events = results.getExchanges().stream()
                .map(e -> read(e.getMessage().getBody(String.class))).toList();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("osticket.job.result");
            assertThat(e.get("id").asText()).startsWith(e.get("subject").asText() + "/").endsWith(":result");
        });
        assertThat(events).extracting(e -> e.at("/data/action").asText())
                .containsExactly("create", "create", "link", "create", "link");
        assertThat(results.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getHeaders())
                .containsOnlyKeys("content-type", "kafka.KEY"));
    }

    @Test
    void aDryRunIsCountedButNeitherPublishedNorWritten() throws Exception {
        int tickets = sandbox.ticketCount();

        Exchange answer = fire("rehearsal");

        long open;
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY))) {
            open = client.searchAll(SearchQuery.all().withStatus("Open")).count();
        }
        assertThat(answer.getMessage().getBody(String.class)).contains(open + " dry-run");
        assertThat(count("gateway.jobs", Map.of("job", "rehearsal", "outcome", "dry-run"))).isEqualTo(open);
        assertThat(getMockEndpoint("mock:results").getReceivedCounter()).isZero();
        assertThat(sandbox.ticketCount()).isEqualTo(tickets);
    }

    @Test
    void aFireOsTicketKeepsFailingIsStoppedWith503AndCompletedByTheNext() throws Exception {
        sandbox.failCreatesContaining("/child-1]");

        Exchange stopped = fire("checklist");

        assertThat(stopped.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(503);
        assertThat(count("gateway.jobs.stopped", Map.of())).isEqualTo(1);
        assertThat(getMockEndpoint("mock:results").getReceivedCounter()).isZero();

        sandbox.failCreatesContaining(null);
        Exchange next = fire("checklist");

        assertThat(next.getMessage().getBody(String.class)).contains("10 applied");
    }

    @Test
    void anUnknownJobIsA404() {
        Exchange answer = fire("nightly");

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(404);
        assertThat(answer.getMessage().getBody(String.class)).startsWith("no job named 'nightly' (jobs.names)");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
