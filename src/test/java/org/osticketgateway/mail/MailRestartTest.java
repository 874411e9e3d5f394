package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * A batch of 200 mails while the gateway is stopped and restarted and osTicket goes away for a
 * while: every mail ends as exactly one ticket, none lost, none duplicated — counted.
 */
class MailRestartTest {

    private static final int MAILS = 200;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path data;

    private GatewayTestRun gateway(SandboxServer sandbox) throws Exception {
        return GatewayTestRun.start(SupportMailbox.gatewaySettings(MAIL, "pw", "100",
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "management.port", String.valueOf(GatewayTestRun.freePort()),
                "gateway.data-dir", data.toString()));
    }

    private static double failedExchanges(GatewayTestRun gateway) {
        MeterRegistry registry = gateway.main().getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        return registry.find("camel.exchanges.failed").tag("routeId", "mail-to-ticket-support").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void everyMailBecomesExactlyOneTicketThroughARestartAndAnOutage() throws Exception {
        GreenMailUser support = MAIL.setUser("support@example.com", "support", "pw");
        for (int i = 0; i < MAILS; i++) {
            support.deliver(MailCorpus.plain("<batch-" + i + "@example.org>", "user" + i + "@example.org",
                    String.format("Batch mail %03d", i), "Mail number " + i));
        }
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            GatewayTestRun first = gateway(sandbox);
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.ticketCount() >= 50);
            first.stop();
            int afterStop = sandbox.ticketCount();
            assertThat(afterStop).isLessThan(MAILS);

            GatewayTestRun second = gateway(sandbox);
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.ticketCount() >= afterStop + 50);
            sandbox.goOffline();
            double failedBefore = failedExchanges(second);
            // osTicket is gone: mails are tried and left unseen, again and again, until it is back.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedExchanges(second) >= failedBefore + 5);
            int duringOutage = sandbox.ticketCount();
            assertThat(duringOutage).isLessThan(MAILS);
            sandbox.comeBack();

            MailFolder inbox = MAIL.getManagers().getImapHostManager().getInbox(support);
            await().atMost(Duration.ofSeconds(120)).until(() -> sandbox.ticketCount() >= MAILS
                    && inbox.getMessageCount() == 0);
            second.stop();

            Map<String, Long> perSubject = client.searchAll(SearchQuery.all()).map(TicketSummary::subject)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perSubject).hasSize(MAILS);
            assertThat(perSubject.values()).allMatch(n -> n == 1);
            assertThat(sandbox.ticketCount()).isEqualTo(MAILS);
            MailFolder archive = MAIL.getManagers().getImapHostManager().getFolder(support, "Archive");
            assertThat(archive.getMessageCount()).isEqualTo(MAILS);
            assertThat(MAIL.getManagers().getImapHostManager().getFolder(support, "Errors")).isNull();
        }
    }
}
