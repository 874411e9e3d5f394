package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * A mailbox with a history, read for the first time: only mail that arrives after the gateway first
 * reached it becomes tickets, and the position it began at is kept, so a restart takes none of the
 * history either. Against Dovecot, whose UIDs the position is made of.
 */
class DovecotFirstStartTest {

    @TempDir
    Path data;

    private DovecotServer dovecot;
    private SandboxServer sandbox;
    private OsTicketClient client;

    @BeforeEach
    void start() throws Exception {
        dovecot = DovecotServer.start("history", "history-pw");
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        sandbox.close();
        dovecot.close();
    }

    private GatewayTestRun gateway() throws Exception {
        return GatewayTestRun.start(dovecot.gatewaySettings("history", "history",
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "management.port", String.valueOf(GatewayTestRun.freePort()),
                "gateway.data-dir", data.toString()));
    }

    private static long polls(GatewayTestRun gateway) {
        return ((ScheduledPollConsumer) gateway.main().getCamelContext().getRoute("mail-to-ticket-history")
                .getConsumer()).getCounter();
    }

    private long tickets() {
        return client.searchAll(SearchQuery.all()).filter(t -> t.subject().startsWith("History ")).count();
    }

    private void deliver(String kind, int from, int to) throws Exception {
        MimeMessage[] mails = IntStream.rangeClosed(from, to).mapToObj(i -> mail(kind, i)).toArray(MimeMessage[]::new);
        dovecot.append("history", "INBOX", new Flags(), mails);
    }

    private static MimeMessage mail(String kind, int i) {
        try {
            return MailCorpus.plain("<" + kind + "-" + i + "@example.org>", "dora" + i + "@example.org",
                    "History " + kind + " " + i, "mail " + i);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiftyOldMailsAndThreeNewOnesMakeThreeTicketsAndARestartTakesNoOldOne() throws Exception {
        deliver("old", 1, 50);
        GatewayTestRun gateway = gateway();
        deliver("new", 1, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.subjects("history", "Archive").size() == 3);
        long after = polls(gateway);
        await().atMost(Duration.ofSeconds(30)).until(() -> polls(gateway) >= after + 10);
        assertThat(tickets()).isEqualTo(3);
        assertThat(dovecot.subjects("history", "Archive"))
                .containsExactlyInAnyOrder("History new 1", "History new 2", "History new 3");
        assertThat(dovecot.subjects("history", "INBOX")).hasSize(50).allMatch(s -> s.startsWith("History old "));
        gateway.stop();

        GatewayTestRun again = gateway();
        try {
            deliver("new", 4, 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.subjects("history", "Archive").size() == 4);
            long later = polls(again);
            await().atMost(Duration.ofSeconds(30)).until(() -> polls(again) >= later + 10);
            assertThat(tickets()).isEqualTo(4);
            assertThat(dovecot.subjects("history", "INBOX")).hasSize(50);
        } finally {
            again.stop();
        }
    }

    @Test
    void aMailboxUnreadableAtItsFirstStartTakesWhatArrivesOnceItCanBeRead() throws Exception {
        deliver("old", 1, 5);
        // IMAP dates a mail to the second: the history is a second older than the gateway's first attempt.
        Instant appended = Instant.now();
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > appended.getEpochSecond());
        String[] settings = dovecot.gatewaySettings("history", "history",
                "osticket.url", sandbox.url(), "osticket.api-key", "k", "mail.history.unreadable-poll-delay", "1000",
                "management.port", String.valueOf(GatewayTestRun.freePort()), "gateway.data-dir", data.toString());
        // The server refuses the gateway's password at its first start, then takes it again.
        dovecot.setPassword("history", "changed-pw");
        GatewayTestRun gateway = GatewayTestRun.start(settings);
        try {
            dovecot.setPassword("history", "history-pw");
            deliver("new", 1, 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.subjects("history", "Archive").size() == 1);
            long after = polls(gateway);
            await().atMost(Duration.ofSeconds(30)).until(() -> polls(gateway) >= after + 10);
            assertThat(dovecot.subjects("history", "Archive")).containsExactly("History new 1");
            assertThat(tickets()).isEqualTo(1);
            assertThat(dovecot.subjects("history", "INBOX")).hasSize(5).allMatch(s -> s.startsWith("History old "));
        } finally {
            gateway.stop();
        }
    }
}
