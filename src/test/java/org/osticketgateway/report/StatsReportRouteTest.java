package org.osticketgateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDynamicDefinition;
import org.junit.jupiter.api.Test;
import org.osticketgateway.GatewayRouteTestSupport;
import org.osticketgateway.Settings;

/**
 * {@code routes/stats-report.yaml} with Camel's test kit: Slack's webhook and the SMTP server are
 * mock endpoints; each destination, its retry and its failure for good, and the on-demand endpoint.
 */
class StatsReportRouteTest extends GatewayRouteTestSupport {

    @Override
    protected String routeFile() {
        return "stats-report.yaml";
    }

    @Override
    protected String[] settings() {
        return new String[] {"report.names", "daily", "report.daily.cron", "0 0 0 1 1 ? 2099",
                "report.daily.slack", "true", "report.daily.email-to", "leads@example.com",
                "slack.webhook-url", "http://127.0.0.1:9/services/T0/B0/secret", "report.retries", "2",
                "report.retry-delay", "10"};
    }

    @Override
    protected void install(CamelContext camel, Settings settings) throws Exception {
        ReportSetup.install(camel);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "stats-report-on-demand", a -> a.replaceFromWith("direct:on-demand"));
        AdviceWith.adviceWith(context, "slack-webhook",
                a -> a.weaveByToUri("https://hooks.slack.com*").replace().to("mock:slack"));
        AdviceWith.adviceWith(context, "report-to-email", a -> a.weaveByType(ToDynamicDefinition.class).replace().to("mock:smtp"));
        getMockEndpoint("mock:slack").whenAnyExchangeReceived(e -> answer(e, 200, "ok"));
    }

    /** What Slack was sent, call by call (the mock's exchanges then carry Slack's answer). */
    private final List<String> slackBodies = new CopyOnWriteArrayList<>();

    private void answer(Exchange exchange, int status, String body) {
        slackBodies.add(exchange.getMessage().getBody(String.class));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
    }

    @Test
    void aReportGoesToSlackAsJsonAndByEmail() throws Exception {
        MockEndpoint slack = getMockEndpoint("mock:slack");
        MockEndpoint smtp = getMockEndpoint("mock:smtp");
        slack.expectedMessageCount(1);
        slack.expectedHeaderReceived(Exchange.HTTP_METHOD, "POST");
        slack.expectedHeaderReceived(Exchange.HTTP_URI, "http://127.0.0.1:9/services/T0/B0/secret");
        smtp.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:on-demand", null, "name", "daily");

        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        String json = slackBodies.get(0);
        assertThat(new ObjectMapper().readTree(json).path("blocks").get(0).at("/text/text").asText())
                .isEqualTo("Helpdesk report: daily");
        MimeMessage mail = smtp.getExchanges().get(0).getMessage().getBody(MimeMessage.class);
        assertThat(mail.getSubject()).contains("daily");
        // Counted after the call returns: wait for it rather than race it.
        awaitCount("gateway.reports.sent", "slack", 1);
        awaitCount("gateway.reports.sent", "email", 1);
    }

    @Test
    void slackAnsweringAnErrorIsRetriedAsAWholeCall() throws Exception {
        MockEndpoint slack = getMockEndpoint("mock:slack");
        slack.whenExchangeReceived(1, e -> answer(e, 500, "server_error"));
        slack.expectedMessageCount(2);

        template.sendBodyAndHeader("direct:on-demand", null, "name", "daily");

        slack.assertIsSatisfied(10_000);
        // The retry sends the message again, not Slack's error answer.
        assertThat(slackBodies).hasSize(2);
        assertThat(slackBodies.get(1)).isEqualTo(slackBodies.get(0)).contains("\"blocks\"");
        awaitCount("gateway.reports.sent", "slack", 1);
        assertThat(count("gateway.reports.failed", Map.of("destination", "slack"))).isZero();
    }

    @Test
    void aDestinationFailingForGoodIsCountedAndTheOtherStillGoes() throws Exception {
        getMockEndpoint("mock:slack").whenAnyExchangeReceived(e -> answer(e, 404, "no_team"));
        getMockEndpoint("mock:smtp").whenExchangeReceived(1, e -> {
            throw new IOException("SMTP server busy");
        });
        getMockEndpoint("mock:slack").expectedMessageCount(3);
        getMockEndpoint("mock:smtp").expectedMessageCount(2);

        template.sendBodyAndHeader("direct:on-demand", null, "name", "daily");

        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        awaitCount("gateway.reports.failed", "slack", 1);
        awaitCount("gateway.reports.sent", "email", 1);
        assertThat(count("gateway.reports.failed", Map.of("destination", "email"))).isZero();
    }

    @Test
    void anUnknownReportOnDemandIsA404() {
        Exchange answer = template.request("direct:on-demand", e -> e.getMessage().setHeader("name", "weekly"));
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(404);
        assertThat(answer.getMessage().getBody(String.class)).contains("no report named 'weekly'");
        assertThat(getMockEndpoint("mock:slack").getReceivedCounter()).isZero();
    }

    private void awaitCount(String counter, String destination, double expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> count(counter, Map.of("destination", destination)) == expected);
    }
}
