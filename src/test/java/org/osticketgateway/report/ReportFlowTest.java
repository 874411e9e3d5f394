package org.osticketgateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.camel.ServiceStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * The report flow end to end, as the gateway runs it: the sandbox as osTicket, a local HTTP server
 * standing in for Slack (answering 500 once, then 200), GreenMail receiving the email, and the
 * report asked for on demand over HTTP.
 */
class ReportFlowTest {

    private static final String HOSTILE = "<!channel> <script>alert('x')</script> & *boom*";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@example.com", "gateway", "s3cret"));

    @TempDir
    Path data;

    private SandboxServer sandbox;
    private HttpServer slack;
    private final List<String> slackBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger slackCalls = new AtomicInteger();
    private final List<String> slackHeaders = new CopyOnWriteArrayList<>();
    private final List<String> slackContentTypes = new CopyOnWriteArrayList<>();
    private GatewayTestRun gateway;
    private int httpPort;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            client.createTicket(NewTicket.of("Mallory", "mallory@example.com", HOSTILE, "m")
                    .withDepartment("Billing").withDueDate("2020-01-01"));
        }
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/services/hook", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                slackBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                slackHeaders.add(exchange.getRequestHeaders().keySet().toString());
                slackContentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                // The first call fails, as a flaky webhook would: the gateway must retry it.
                int status = slackCalls.incrementAndGet() == 1 ? 500 : 200;
                byte[] answer = (status == 200 ? "ok" : "server_error").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        slack.start();
        httpPort = GatewayTestRun.freePort();
        gateway = startGateway("0 0 0 1 1 ? 2099");
    }

    private GatewayTestRun startGateway(String cron) {
        return GatewayTestRun.start(
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "report.names", "daily",
                "report.daily.cron", cron,
                "report.daily.slack", "true",
                "report.daily.email-to", "leads@example.com",
                "report.retry-delay", "50",
                "slack.webhook-url", "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/hook",
                "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(MAIL.getSmtp().getPort()),
                "smtp.username", "gateway", "smtp.password", "s3cret",
                "management.port", String.valueOf(httpPort),
                "gateway.data-dir", data.toString());
    }

    @AfterEach
    void stop() {
        gateway.stop();
        slack.stop(0);
        sandbox.close();
    }

    private HttpResponse<String> ask(String name) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/reports/" + name))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReportOnDemandReachesSlackAfterARetryAndArrivesByEmail() throws Exception {
        HttpResponse<String> answer = ask("daily");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("report daily built");

        await().atMost(Duration.ofSeconds(20)).until(() -> slackCalls.get() == 2 && MAIL.getReceivedMessages().length == 1);

        JsonNode message = new ObjectMapper().readTree(slackBodies.get(1));
        // Camel's HTTP call sends JSON and none of the route's own headers.
        assertThat(slackContentTypes).allSatisfy(type -> assertThat(type).startsWith("application/json"));
        assertThat(slackHeaders).allSatisfy(names -> assertThat(names).doesNotContainIgnoringCase("gateway")
                .doesNotContainIgnoringCase("camel"));
        assertThat(slackBodies.get(1)).isEqualTo(slackBodies.get(0));
        assertThat(message.get("text").asText()).contains("open").contains("overdue");
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.size()).isBetween(3, 50);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("Helpdesk report: daily");
        assertThat(blocks.get(1).get("fields")).isNotEmpty();
        assertThat(slackBodies.get(1)).doesNotContain("<!channel>").doesNotContain("<script>")
                .contains("&lt;!channel&gt; &lt;script&gt;");
        assertThat(message.toString()).contains("*Top overdue*");

        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("Helpdesk report: daily:");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("leads@example.com");
        List<Part> parts = new ArrayList<>();
        collect(mail, parts);
        String html = text(parts, "text/html");
        assertThat(html).contains("cid:chart").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("Billing");
        assertThat(text(parts, "text/plain")).contains("Top overdue").contains(HOSTILE);
        Part png = find(parts, "image/png");
        assertThat(png.getDisposition()).isEqualToIgnoringCase(Part.INLINE);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.getInputStream().readAllBytes()))).isNotNull();
        Part csv = find(parts, "text/csv");
        assertThat(csv.getFileName()).isEqualTo("daily-report.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8)).getRecords();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("section")).isEqualTo("department");
            assertThat(r.get("name")).isEqualTo("Billing");
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.get("name")).contains(HOSTILE));
    }

    @Test
    void theNextReportShowsTheChangeAndUnknownReportsAre404() throws Exception {
        assertThat(ask("daily").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> slackCalls.get() == 2);
        assertThat(ask("daily").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> slackCalls.get() == 3);
        assertThat(slackBodies.get(0)).doesNotContain("(±0)");
        assertThat(slackBodies.get(2)).contains("(±0)");

        HttpResponse<String> unknown = ask("nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no report named 'nope'");
        assertThat(gateway.main().getCamelContext().getRouteController().getRouteStatus("stats-report-daily"))
                .isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aScheduledReportRunsOnItsCron() {
        gateway.stop();
        gateway = startGateway("* * * * * ?");
        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.getReceivedMessages().length >= 1);
        assertThat(slackCalls.get()).isPositive();
    }

    private static void collect(Part part, List<Part> into) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, into);
            }
        } else {
            into.add(part);
        }
    }

    private static Part find(List<Part> parts, String type) throws Exception {
        for (Part part : parts) {
            if (part.isMimeType(type)) {
                return part;
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String text(List<Part> parts, String type) throws Exception {
        return (String) find(parts, type).getContent();
    }

}
