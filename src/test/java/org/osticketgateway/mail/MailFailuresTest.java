package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.LogLines;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * What happens to mail osTicket does not take, against the sandbox speaking the plugin as shipped
 * (its answers recorded on osTicket 1.18.1): a refused mail goes to the error folder with
 * osTicket's reason, one that keeps failing while osTicket answers is given up after its attempts,
 * and during an outage every mail waits and none is dead-lettered. Each failed attempt is one log
 * line without a stack trace; the mailbox has no system email id, so tickets are API tickets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailFailuresTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = SupportMailbox.server();

    @TempDir
    static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxServer sandbox;
    private OsTicketClient client;
    private GatewayTestRun gateway;
    private GreenMailUser support;
    private int managementPort;

    @BeforeAll
    void start() throws Exception {
        sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("k"), false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
        support = MAIL.setUser("support@example.com", "support", "imap-secret");
        managementPort = GatewayTestRun.freePort();
        gateway = GatewayTestRun.start(SupportMailbox.gatewaySettings(MAIL, "imap-secret", "200",
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "mail.max-attempts", "3",
                "health.flow-failing-after", "300",
                "management.port", String.valueOf(managementPort),
                "gateway.data-dir", data.toString()));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.stop();
        client.close();
        sandbox.close();
    }

    private List<TicketSummary> matching(String subject) {
        return client.searchAll(SearchQuery.all().withQuery(subject)).filter(t -> t.subject().equals(subject)).toList();
    }

    private void awaitTicket(String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> matching(subject).size() == 1);
    }

    private int count(String folder) {
        return SupportMailbox.count(MAIL, support, folder);
    }

    private String deadLetters() throws Exception {
        Path file = data.resolve("mail-dead-letters.jsonl");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private String observe(String what) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/" + what))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The state of the flow-mail check in /observe/health. */
    private String flowMailHealth() throws Exception {
        JsonNode health = new ObjectMapper().readTree(observe("health?exposureLevel=full"));
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().endsWith("flow-mail")) {
                return check.path("status").asText();
            }
        }
        throw new AssertionError("no flow-mail check in " + health);
    }

    @Test
    void aMailOsTicketRefusesGoesToTheErrorFolderWithItsReasonWhileTheOthersGoOn() throws Exception {
        try (LogLines log = LogLines.capture()) {
            // On osTicket's ban list (in the sandbox as on the lab): osTicket denies the ticket.
            SupportMailbox.send(MAIL, MailCorpus.plain("<refused-1@example.org>", "banned@example.org", "Refused by osTicket", "hi"));
            SupportMailbox.send(MAIL, MailCorpus.plain("<taken-1@example.org>", "ann@example.org", "Taken by osTicket", "hello"));

            awaitTicket("Taken by osTicket");
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().contains("<refused-1@example.org>"));
            assertThat(deadLetters()).contains("Unable to create new ticket :Ticket denied: banned@example.org");
            // Moved after the poll's batch, once the dead letter is written.
            await().atMost(Duration.ofSeconds(30)).until(() -> count("Errors") >= 1);
            assertThat(client.getTicket(TicketRef.ofNumber(matching("Taken by osTicket").get(0).number())).source())
                    .isEqualTo("API");
            // Refused at once: osTicket said it is the request's fault, so there is no second attempt.
            assertThat(log.containing("<refused-1@example.org>")).singleElement()
                    .satisfies(l -> assertThat(l.message()).contains("moved to the error folder"));
            assertThat(log.all()).noneMatch(LogLines.Line::stackTrace);
        }
        assertThat(observe("metrics"))
                .contains("outcome=\"error-folder\",reason=\"bad-request\"} 1.0")
                .contains("outcome=\"ticket-created\",reason=\"new-mail\"}");
    }

    @Test
    void aMailThatKeepsFailingWhileOsTicketAnswersIsGivenUpAfterItsAttempts() throws Exception {
        sandbox.failCreatesContaining("Cursed");
        try (LogLines log = LogLines.capture()) {
            SupportMailbox.send(MAIL, MailCorpus.plain("<cursed-1@example.org>", "bob@example.org", "Cursed printer", "it fails"));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().contains("<cursed-1@example.org>"));
            assertThat(deadLetters()).contains("gave up after 3 attempts while osTicket answered other calls");
            assertThat(matching("Cursed printer")).isEmpty();
            assertThat(log.containing("<cursed-1@example.org>")).hasSize(4)
                    .allMatch(LogLines.Line::isWarnOrWorse)
                    .anySatisfy(l -> assertThat(l.message()).contains("attempt 3 of 3 failed"))
                    .anySatisfy(l -> assertThat(l.message()).contains("moved to the error folder"));
            assertThat(log.all()).noneMatch(LogLines.Line::stackTrace);

            SupportMailbox.send(MAIL, MailCorpus.plain("<after-1@example.org>", "bob@example.org", "After the curse", "fine"));
            awaitTicket("After the curse");
        } finally {
            sandbox.failCreatesContaining(null);
        }
        assertThat(observe("metrics"))
                .contains("gateway_retries_total{failure=\"SERVER_ERROR\",flow=\"mail\"} 3.0")
                .contains("outcome=\"error-folder\",reason=\"gave-up\"} 1.0");
    }

    @Test
    void duringAnOutageEveryMailWaitsAndNoneIsDeadLettered() throws Exception {
        String before = deadLetters();
        int errors = count("Errors");
        try (LogLines log = LogLines.capture()) {
            sandbox.goOffline();
            SupportMailbox.send(MAIL, MailCorpus.plain("<outage-1@example.org>", "cy@example.org", "Sent in the outage", "one"));
            SupportMailbox.send(MAIL, MailCorpus.plain("<outage-2@example.org>", "cy@example.org", "Also in the outage", "two"));
            // Far more polls than the mail's attempts, none of them counted: osTicket itself is away.
            await().atMost(Duration.ofSeconds(30)).until(() -> log.containing("<outage-2@example.org> waits").size() > 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(flowMailHealth()));
            sandbox.comeBack();
            awaitTicket("Sent in the outage");
            awaitTicket("Also in the outage");
            assertThat(log.containing("waits: osTicket does not answer")).allMatch(LogLines.Line::isWarnOrWorse);
            assertThat(log.all()).noneMatch(LogLines.Line::stackTrace);
        }
        assertThat(deadLetters()).isEqualTo(before);
        assertThat(count("Errors")).isEqualTo(errors);
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(flowMailHealth()));
        assertThat(observe("metrics")).containsPattern("gateway_retries_total\\{failure=\"UNREACHABLE\",flow=\"mail\"} [1-9]");
    }
}
