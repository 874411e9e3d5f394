package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * A server without IMAP MOVE (Dovecot told not to announce it): taken mail is copied, flagged
 * deleted and expunged by UID, those mails alone; a colleague's mail flagged deleted stays.
 */
class DovecotWithoutMoveTest {

    /** Dovecot 2.3's own capabilities once logged in, MOVE left out. */
    private static final String WITHOUT_MOVE = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY "
            + "THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN "
            + "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN "
            + "CONTEXT=SEARCH LIST-STATUS BINARY LITERAL+";

    @TempDir
    Path data;

    @Test
    void takenMailIsCopiedAndOnlyItIsExpunged() throws Exception {
        try (DovecotServer dovecot = DovecotServer.withCapabilities(WITHOUT_MOVE, "support", "support-pw");
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false)) {
            dovecot.append("support", "INBOX", new Flags(Flags.Flag.DELETED),
                    MailCorpus.plain("<colleague@example.org>", "ann@example.org", "Deleted by a colleague", "old"));
            GatewayTestRun gateway = GatewayTestRun.start(dovecot.gatewaySettings("support", "support",
                    "mail.support.start", "all",
                    "osticket.url", sandbox.url(), "osticket.api-key", "k",
                    "management.port", String.valueOf(GatewayTestRun.freePort()),
                    "gateway.data-dir", data.toString()));
            try {
                dovecot.append("support", "INBOX", new Flags(), IntStream.rangeClosed(1, 3)
                        .mapToObj(DovecotWithoutMoveTest::mail).toArray(MimeMessage[]::new));

                await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.subjects("support", "Archive").size() == 3);
                ScheduledPollConsumer consumer = (ScheduledPollConsumer) gateway.main().getCamelContext()
                        .getRoute("mail-to-ticket-support").getConsumer();
                long after = consumer.getCounter();
                await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getCounter() >= after + 10);

                assertThat(dovecot.subjects("support", "INBOX")).containsExactly("Deleted by a colleague [deleted]");
                List<String> taken = dovecot.logLines("msgid=<copied-");
                // mail_log calls flagging a mail deleted "delete".
                assertThat(taken).filteredOn(l -> l.contains("copy from INBOX: box=Archive")).hasSize(3);
                assertThat(taken).filteredOn(l -> l.contains("delete: box=INBOX")).hasSize(3);
                assertThat(taken).filteredOn(l -> l.contains("expunge: box=INBOX")).hasSize(3);
                assertThat(dovecot.logLines("expunge")).noneMatch(l -> l.contains("colleague"));
            } finally {
                gateway.stop();
            }
        }
    }

    private static MimeMessage mail(int i) {
        try {
            return MailCorpus.plain("<copied-" + i + "@example.org>", "erin@example.org", "Copied " + i, "mail " + i);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
