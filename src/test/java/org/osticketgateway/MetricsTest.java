package org.osticketgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.osticketgateway.command.Commands.structured;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.command.Commands;
import org.osticketgateway.mail.MailCorpus;
import org.osticketgateway.mail.SupportMailbox;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Every outcome of every flow shows in {@code /observe/metrics}, and every metric keeps one set of
 * label names: Prometheus refuses a meter whose tags differ from the first one registered under
 * its name, so a second set would silently vanish. The metrics are scraped after each outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]+)=\"");

    @RegisterExtension
    static final GreenMailExtension MAIL = SupportMailbox.server();

    @TempDir
    static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger slackStatus = new AtomicInteger(500);
    private KafkaBroker kafka;
    private SandboxServer sandbox;
    private HttpServer slack;
    private GatewayTestRun gateway;
    private KafkaProducer<String, byte[]> producer;
    private GreenMailUser support;
    private LogLines log;
    private int port;

    @BeforeAll
    void start() throws Exception {
        log = LogLines.capture();
        kafka = KafkaBroker.start();
        kafka.createTopics(1, Commands.TOPIC, Commands.RESULTS, Commands.DLQ, "osticket.events");
        sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("k"), false);
        support = MAIL.setUser("support@example.com", "support", "imap-secret");
        MAIL.setUser("leads@example.com", "leads", "leads");
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/hook", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                exchange.sendResponseHeaders(slackStatus.get(), -1);
            }
        });
        slack.start();
        port = GatewayTestRun.freePort();
        gateway = GatewayTestRun.start(SupportMailbox.gatewaySettings(MAIL, "imap-secret", "200",
                "osticket.url", sandbox.url(), "osticket.api-key", "k", "mail.max-attempts", "2",
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "commands.enabled", "true", "commands.retry-delay", "50", "commands.max-attempts", "2",
                "events.enabled", "true", "events.poll-delay", "200", "events.server-share", "1",
                "report.names", "daily", "report.daily.cron", "0 0 0 1 1 ? 2099", "report.daily.slack", "true",
                "report.daily.email-to", "leads@example.com", "report.retries", "0",
                "slack.webhook-url", "http://127.0.0.1:" + slack.getAddress().getPort() + "/hook",
                "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(MAIL.getSmtp().getPort()),
                "jobs.names", "tidy,incident", "job.tidy.kind", "update", "job.tidy.cron", "0 0 0 1 1 ? 2099",
                "job.tidy.dry-run", "true", "job.tidy.search.query", "Metrics", "job.tidy.set.status", "Closed",
                "job.incident.kind", "link", "job.incident.cron", "0 0 0 1 1 ? 2099", "job.incident.parent", "100001",
                "job.incident.search.query", "INC-1",
                "management.port", String.valueOf(port),
                "gateway.data-dir", data.toString()));
        producer = kafka.producer();
    }

    @AfterAll
    void stop() throws Exception {
        producer.close();
        gateway.stop();
        slack.stop(0);
        sandbox.close();
        kafka.close();
        log.close();
    }

    private void send(MimeMessage mail) throws Exception {
        SupportMailbox.send(MAIL, mail);
    }

    private String scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits until the sample shows, then checks that every metric still has one set of label names. */
    private void shows(String metric, String labels) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().lines()
                .anyMatch(line -> line.startsWith(metric + "{") && line.contains(labels)));
        Map<String, Set<Set<String>>> labelSets = new HashMap<>();
        Matcher sample = SAMPLE.matcher(scrape());
        while (sample.find()) {
            Set<String> names = new TreeSet<>();
            LABEL.matcher(sample.group(2)).results().forEach(m -> names.add(m.group(1)));
            labelSets.computeIfAbsent(sample.group(1), n -> new HashSet<>()).add(names);
        }
        labelSets.forEach((name, sets) -> assertThat(sets).as("label names of " + name).hasSize(1));
    }

    private void report() throws Exception {
        post("/reports/daily");
    }

    private void post(String path) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyOutcomeOfEveryFlowIsCountedUnderOneSetOfLabels() throws Exception {
        String created = "outcome=\"ticket-created\",reason=\"new-mail\"";
        send(MailCorpus.plain("<m-1@example.org>", "ann@example.org", "Metrics mail", "hello"));
        shows("gateway_mails_total", created);
        String number;
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            SearchQuery mail = SearchQuery.all().withQuery("Metrics mail");
            await().atMost(Duration.ofSeconds(30)).until(() -> client.searchTickets(mail).tickets().size() == 1);
            number = client.searchTickets(mail).tickets().get(0).number();
        }
        send(MailCorpus.plain("<m-2@example.org>", "ann@example.org", "Re: [#" + number + "] Metrics mail", "more"));
        shows("gateway_mails_total", "outcome=\"message-added\",reason=\"reply\"");
        MimeMessage auto = MailCorpus.plain("<m-2b@example.org>", "ann@example.org", "Re: [#" + number + "] Away", "away");
        auto.setHeader("Auto-Submitted", "auto-replied");
        send(auto);
        shows("gateway_mails_total", "outcome=\"note-added\",reason=\"auto-reply\"");
        send(MailCorpus.outOfOffice("<m-3@example.org>", "cy@example.org"));
        shows("gateway_mails_total", "outcome=\"ignored\",reason=\"auto-reply\"");
        send(MailCorpus.plain("<m-4@example.org>", "banned@example.org", "Banned", "no"));
        shows("gateway_mails_total", "outcome=\"error-folder\",reason=\"bad-request\"");
        support.deliver(MailCorpus.malformed("<m-5@example.org>"));
        shows("gateway_mails_total", "outcome=\"error-folder\",reason=\"unreadable\"");
        sandbox.failCreatesContaining("Cursed");
        send(MailCorpus.plain("<m-6@example.org>", "dan@example.org", "Cursed mail", "fails"));
        shows("gateway_mails_total", "outcome=\"error-folder\",reason=\"gave-up\"");
        shows("gateway_retries_total", "failure=\"SERVER_ERROR\",flow=\"mail\"");

        producer.send(structured("k", "c-1", "osticket.ticket.create",
                "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"By command\",\"message\":\"m\"}")).get();
        shows("gateway_commands_total", "status=\"APPLIED\"");
        producer.send(structured("k", "c-2", "osticket.ticket.get", "{\"ticket\":{\"number\":\"000000\"}}")).get();
        shows("gateway_commands_total", "status=\"FAILED\"");
        producer.send(structured("k", "c-3", "osticket.ticket.create", "{\"name\":\"A\"}")).get();
        shows("gateway_commands_total", "status=\"REJECTED\"");
        producer.send(structured("k", "c-4", "osticket.ticket.create",
                "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"Cursed\",\"message\":\"m\"}")).get();
        shows("gateway_retries_total", "failure=\"SERVER_ERROR\",flow=\"commands\"");
        sandbox.failCreatesContaining(null);

        shows("gateway_events_total", "type=\"osticket.ticket.created\"");

        report();
        shows("gateway_reports_failed_total", "destination=\"slack\"");
        shows("gateway_reports_sent_total", "destination=\"email\"");
        slackStatus.set(200);
        report();
        shows("gateway_reports_sent_total", "destination=\"slack\"");

        post("/jobs/tidy");
        shows("gateway_jobs_total", "job=\"tidy\",outcome=\"dry-run\"");
        // The shipped plugin's subticket endpoints crash: the link job's fire ends in one failed result.
        post("/jobs/incident");
        shows("gateway_jobs_total", "job=\"incident\",outcome=\"failed\"");

        shows("osticket_api_calls_seconds_count", "operation=\"createTicket\",status=\"201\"");
        assertThat(log.all()).noneMatch(l -> l.message().contains("same set of tag keys"));
    }
}
