package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.LogLines;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * The gateway against a real IMAP server, Dovecot, started by the test on loopback, with three
 * mailboxes on it: {@code support} over IMAPS trusting the test's private CA (mail.support.trust-pem),
 * {@code sales} over IMAPS without it, and {@code billing} over IMAP with a password the server
 * refuses. A colleague's mail flagged deleted in the shared inbox survives every poll; taken mail
 * is moved with IMAP MOVE; a mail whose base64 is broken goes to Errors; the two mailboxes that
 * cannot be read are each said once, by name and cause, tried with backoff at one login an attempt,
 * DOWN in readiness as their own checks while liveness stays UP, and said again when mended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DovecotMailTest {

    private static final Duration UNREADABLE_POLL_DELAY = Duration.ofSeconds(2);

    @TempDir
    static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private DovecotServer dovecot;
    private SandboxServer sandbox;
    private OsTicketClient client;
    private GatewayTestRun gateway;
    private LogLines log;
    private int managementPort;

    @BeforeAll
    void start() throws Exception {
        dovecot = DovecotServer.start("support", "support-pw", "sales", "sales-pw", "billing", "billing-pw");
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
        // Already in the shared inbox: a colleague's mail they deleted in their client, not yet expunged.
        dovecot.append("support", "INBOX", new Flags(Flags.Flag.DELETED),
                MailCorpus.plain("<colleague-1@example.org>", "ann@example.org", "Deleted by a colleague", "old"));
        dovecot.append("sales", "INBOX", new Flags(), MailCorpus.plain("<sales-1@example.org>", "bob@example.org",
                "For sales", "hello"));
        log = LogLines.capture();
        managementPort = GatewayTestRun.freePort();
        gateway = GatewayTestRun.start("osticket.url", sandbox.url(), "osticket.api-key", "k",
                "mail.mailboxes", "support,sales,billing",
                "mail.support.protocol", "imaps", "mail.support.host", "127.0.0.1",
                "mail.support.port", String.valueOf(dovecot.imapsPort()),
                "mail.support.username", "support", "mail.support.password", "support-pw",
                "mail.support.trust-pem", dovecot.certificates().caCertificate().toString(),
                "mail.support.start", "all", "mail.support.poll-delay", "200",
                "mail.sales.protocol", "imaps", "mail.sales.host", "127.0.0.1",
                "mail.sales.port", String.valueOf(dovecot.imapsPort()),
                "mail.sales.username", "sales", "mail.sales.password", "sales-pw",
                "mail.sales.poll-delay", "200",
                "mail.sales.unreadable-poll-delay", String.valueOf(UNREADABLE_POLL_DELAY.toMillis()),
                "mail.billing.protocol", "imap", "mail.billing.host", "127.0.0.1",
                "mail.billing.port", String.valueOf(dovecot.imapPort()),
                "mail.billing.username", "billing", "mail.billing.password", "not-the-password",
                "mail.billing.poll-delay", "200",
                "mail.billing.unreadable-poll-delay", String.valueOf(UNREADABLE_POLL_DELAY.toMillis()),
                "management.port", String.valueOf(managementPort),
                "gateway.data-dir", data.toString());
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.stop();
        }
        log.close();
        client.close();
        sandbox.close();
        dovecot.close();
    }

    private List<TicketSummary> matching(String subject) {
        return client.searchAll(SearchQuery.all().withQuery(subject)).filter(t -> t.subject().equals(subject)).toList();
    }

    private long polls(String mailbox) {
        return ((ScheduledPollConsumer) gateway.main().getCamelContext().getRoute("mail-to-ticket-" + mailbox)
                .getConsumer()).getCounter();
    }

    private HttpResponse<String> observe(String what) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/" + what))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The state and message of one check in a health answer. */
    private static String check(HttpResponse<String> health, String name) throws Exception {
        for (JsonNode check : new ObjectMapper().readTree(health.body()).path("checks")) {
            if (check.path("name").asText().endsWith(name)) {
                return check.path("status").asText() + " " + check.path("message").asText();
            }
        }
        return "absent";
    }

    @Test
    void aColleaguesDeletedMailSurvivesEveryPollAndTakenMailIsMovedWithMove() throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        IntStream.rangeClosed(1, 3).forEach(i -> mails.add(plain("<shared-" + i + "@example.org>", "Shared " + i)));
        dovecot.append("support", "INBOX", new Flags(), mails.toArray(MimeMessage[]::new));
        dovecot.append("support", "INBOX", new Flags(Flags.Flag.DELETED),
                plain("<colleague-2@example.org>", "Deleted by a colleague later"));

        await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.subjects("support", "Archive").size() == 3);
        IntStream.rangeClosed(1, 3).forEach(i -> assertThat(matching("Shared " + i)).hasSize(1));
        long after = polls("support");
        await().atMost(Duration.ofSeconds(30)).until(() -> polls("support") >= after + 20);

        assertThat(dovecot.subjects("support", "INBOX")).containsExactlyInAnyOrder(
                "Deleted by a colleague [deleted]", "Deleted by a colleague later [deleted]");
        assertThat(matching("Deleted by a colleague")).isEmpty();
        assertThat(matching("Deleted by a colleague later")).isEmpty();
        assertThat(dovecot.logLines("expunge").stream().filter(l -> l.contains("colleague"))).isEmpty();
        // MOVE: each mail copied to Archive and gone from INBOX in one command, never flagged deleted
        // for a copy-and-expunge (mail_log's lines for a MOVE are its copy and its expunge).
        List<String> shared = dovecot.logLines("msgid=<shared-");
        assertThat(shared).noneMatch(l -> l.contains("\\Deleted"));
        assertThat(shared).filteredOn(l -> l.contains("copy from INBOX: box=Archive")).hasSize(3);
        assertThat(shared).filteredOn(l -> l.contains("expunge: box=INBOX")).hasSize(3);
    }

    @Test
    void aMailWhoseBase64IsBrokenGoesToErrorsWithTheReason() throws Exception {
        dovecot.append("support", "INBOX", new Flags(), MailCorpus.brokenBase64("<broken-64@example.org>"));

        await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.subjects("support", "Errors").contains(
                "Broken base64"));
        assertThat(Files.readString(data.resolve("mail-dead-letters.jsonl"))).contains("<broken-64@example.org>")
                .contains("base64");
        assertThat(matching("Broken base64")).isEmpty();
    }

    @Test
    void aMailboxThatRefusesTheLoginIsSaidOnceTriedWithBackoffAndDownInReadinessOnly() throws Exception {
        // Three attempts after the one at start, each one login, two seconds or more apart.
        await().atMost(Duration.ofSeconds(30)).until(() -> polls("billing") >= 3
                && dovecot.authFailures("billing") == polls("billing") + 1);
        assertThat(dovecot.logLines("auth failed")).allMatch(l -> l.contains("auth failed, 1 attempts"));

        assertThat(log.containing("Mailbox billing")).singleElement().satisfies(line -> {
            assertThat(line.isWarnOrWorse()).isTrue();
            assertThat(line.message()).contains("imap://billing@127.0.0.1:" + dovecot.imapPort() + "/INBOX")
                    .contains("login refused: check mail.billing.username and the password (MAIL_BILLING_PASSWORD)")
                    .doesNotContain("not-the-password");
        });
        assertThat(log.containing("Failed polling endpoint")).isEmpty();
        assertThat(log.all()).noneMatch(LogLines.Line::stackTrace);

        HttpResponse<String> live = observe("health/live?exposureLevel=full");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).doesNotContain("DOWN");
        HttpResponse<String> ready = observe("health/ready?exposureLevel=full");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(check(ready, "mailbox-billing")).startsWith("DOWN login refused");
        assertThat(check(ready, "mailbox-support")).isEqualTo("UP ");
        // One check a mailbox: Camel's own for the consumer (its raw exception) is left out.
        assertThat(check(ready, "consumer:mail-to-ticket-billing")).isEqualTo("absent");
        assertThat(observe("metrics").body()).contains("gateway_mailbox_readable{mailbox=\"billing\"} 0.0")
                .contains("gateway_mailbox_readable{mailbox=\"support\"} 1.0");

        dovecot.setPassword("billing", "not-the-password");
        await().atMost(Duration.ofSeconds(30)).until(() -> !log.containing("Mailbox billing").isEmpty()
                && log.containing("Mailbox billing").get(log.containing("Mailbox billing").size() - 1).message()
                        .contains("can be read again"));
        assertThat(check(observe("health/ready?exposureLevel=full"), "mailbox-billing")).isEqualTo("UP ");
    }

    @Test
    void aMailboxWhoseCertificateIsNotTrustedIsSaidOnceAndAnotherTrustsThePrivateCa() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> polls("sales") >= 3);
        assertThat(log.containing("Mailbox sales")).singleElement().satisfies(line -> assertThat(line.message())
                .contains("imaps://sales@127.0.0.1:" + dovecot.imapsPort() + "/INBOX")
                .contains("certificate not trusted: add the CA with mail.sales.trust-pem"));
        assertThat(dovecot.authFailures("sales")).isZero();
        assertThat(check(observe("health/ready?exposureLevel=full"), "mailbox-sales"))
                .startsWith("DOWN certificate not trusted");
        assertThat(observe("health/live").statusCode()).isEqualTo(200);
        // The same server, the same JVM: the mailbox given the CA reads it.
        assertThat(log.containing("Mailbox support (imaps://")).singleElement()
                .satisfies(line -> assertThat(line.message()).contains("readable"));
        assertThat(matching("For sales")).isEmpty();
    }

    private static MimeMessage plain(String id, String subject) {
        try {
            return MailCorpus.plain(id, "carol@example.org", subject, "text of " + subject);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
