package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * What a mail costs in IMAP commands, counted on the wire: a poll describes all the mails it takes
 * in one FETCH and moves them in one MOVE; each mail adds the FETCH of its body and camel-mail's
 * STORE of its seen flag — against about five commands a mail for a plain JavaMail loop.
 */
class MailRoundTripsTest {

    private static final int MAILS = 12;

    @RegisterExtension
    static final GreenMailExtension MAIL = SupportMailbox.server();

    @TempDir
    Path data;

    @Test
    void aPollDescribesItsMailsInOneFetchAndMovesThemInOneCommand() throws Exception {
        GreenMailUser support = MAIL.setUser(SupportMailbox.ADDRESS, "support", "pw");
        for (int i = 0; i < MAILS; i++) {
            support.deliver(i % 4 == 0
                    ? MailCorpus.withAttachment("<trip-" + i + "@example.org>", "c" + i + "@example.org", "Trip " + i,
                            "file.bin", 4096)
                    : MailCorpus.plain("<trip-" + i + "@example.org>", "c" + i + "@example.org", "Trip " + i, "Hello"));
        }
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             ImapCommands imap = ImapCommands.relayTo(MAIL.getImap().getPort())) {
            List<String> settings = new ArrayList<>(List.of(SupportMailbox.gatewaySettings(MAIL, "pw", "100",
                    "osticket.url", sandbox.url(), "osticket.api-key", "k", "gateway.data-dir", data.toString())));
            settings.addAll(List.of("mail.support.port", String.valueOf(imap.port())));
            GatewayTestRun gateway = GatewayTestRun.start(settings.toArray(String[]::new));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.ticketCount() == MAILS
                        && SupportMailbox.count(MAIL, support, "Archive") == MAILS);
            } finally {
                gateway.stop();
            }
            // One poll took them all: one FETCH describing the batch, then one per mail for its body.
            assertThat(imap.count("FETCH")).as("FETCH commands, all %s", imap.all()).isEqualTo(MAILS + 1);
            assertThat(imap.count("MOVE") + imap.count("UID MOVE")).as("moves, all %s", imap.all()).isEqualTo(1);
        }
    }
}
