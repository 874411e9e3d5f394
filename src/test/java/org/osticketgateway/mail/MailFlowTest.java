package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;
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
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Mail to tickets end to end: mails sent over SMTP to GreenMail and read back over IMAP, the sandbox as osTicket, the gateway
 * as the README runs it, and a corpus of realistic mails. The mailbox names its osTicket system email, so its tickets are
 * email tickets ({@link MailFailuresTest} has one without).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailFlowTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = SupportMailbox.server();

    @TempDir
    static Path data;

    private SandboxServer sandbox;
    private OsTicketClient client;
    private GatewayTestRun gateway;
    private GreenMailUser support;

    @BeforeAll
    void start() throws Exception {
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
        support = MAIL.setUser("support@example.com", "support", "imap-secret");
        gateway = GatewayTestRun.start(SupportMailbox.gatewaySettings(MAIL, "imap-secret", "200",
                "osticket.url", sandbox.url(), "osticket.api-key", "k",
                "mail.support.department", "Support",
                "mail.support.email-id", "1",
                "mail.routing", "to:billing@example\\.com=Billing; subject:(?i)invoice=Accounting",
                "mail.max-attachment-bytes", String.valueOf(11 * 1024 * 1024),
                "management.port", String.valueOf(GatewayTestRun.freePort()),
                "gateway.data-dir", data.toString()));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.stop();
        client.close();
        sandbox.close();
    }

    private void send(MimeMessage mail) throws Exception {
        SupportMailbox.send(MAIL, mail);
    }

    private Ticket ticketWithSubject(String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !matching(subject).isEmpty());
        List<TicketSummary> found = matching(subject);
        assertThat(found).as("tickets with subject " + subject).hasSize(1);
        return client.getTicket(TicketRef.ofNumber(found.get(0).number()));
    }

    private List<TicketSummary> matching(String subject) {
        return client.searchAll(SearchQuery.all().withQuery(subject)).filter(t -> t.subject().equals(subject)).toList();
    }

    private int count(String folder) {
        return SupportMailbox.count(MAIL, support, folder);
    }

    private void awaitArchived(int archived) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("Archive") + count("Errors") >= archived);
    }

    @Test
    void aGmailMessageBecomesATicketRoutedByRecipient() throws Exception {
        send(MailCorpus.gmail("<gmail-1@mail.gmail.com>", "Ann Example <ann@example.org>",
                "billing@example.com", "Charged twice", "Hello,\nI was charged twice."));
        Ticket ticket = ticketWithSubject("Charged twice");
        assertThat(ticket.requester().name()).isEqualTo("Ann Example");
        assertThat(ticket.requester().email()).isEqualTo("ann@example.org");
        assertThat(ticket.department()).isEqualTo("Billing");
        assertThat(ticket.source()).isEqualTo("Email");
        // The marker line lets a gateway killed mid-create find this ticket instead of making another.
        assertThat(ticket.thread().get(0).body()).matches("Hello,\nI was charged twice.\n\n\\[osticket-gateway mail [0-9a-f]{16}]");
        assertThat(ticket.thread().get(0).format()).isEqualTo(MessageFormat.TEXT);
    }

    @Test
    void anOutlookHtmlMailIsSanitisedAndKeepsItsInlineImage() throws Exception {
        send(MailCorpus.outlookHtml("<outlook-1@example.net>", "Bob <bob@example.net>", "Printer error"));
        Ticket ticket = ticketWithSubject("Printer error");
        ThreadEntry message = ticket.thread().get(0);
        assertThat(message.format()).isEqualTo(MessageFormat.HTML);
        assertThat(message.body()).contains("<b>printer</b>").doesNotContain("<script>");
        assertThat(message.attachments()).containsExactly("image001.png");
        assertThat(ticket.priority()).isEqualTo("High");
        assertThat(ticket.department()).isEqualTo("Support");
    }

    @Test
    void aLatin1MailKeepsItsCharacters() throws Exception {
        send(MailCorpus.latin1("<latin1-1@example.de>", "Jürgen <juergen@example.de>"));
        Ticket ticket = ticketWithSubject("Grüße aus Köln");
        assertThat(ticket.requester().name()).isEqualTo("Jürgen");
        assertThat(ticket.thread().get(0).body()).startsWith("Schöne Grüße, der Drucker läuft nicht.\n\n[osticket-gateway mail ");
        assertThat(ticket.thread().get(0).attachments()).containsExactly("Übersicht.bin");
    }

    @Test
    void aReplyWithReferencesIsTheCustomersMessageOnItsTicket() throws Exception {
        send(MailCorpus.plain("<thread-1@example.org>", "carol@example.org", "VPN down", "The VPN is down."));
        Ticket ticket = ticketWithSubject("VPN down");
        send(MailCorpus.reply("<thread-2@example.org>", "carol@example.org", "Re: VPN down",
                "<thread-1@example.org>"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getTicket(TicketRef.ofNumber(ticket.number())).thread().size() == 2);
        ThreadEntry reply = client.getTicket(TicketRef.ofNumber(ticket.number())).thread().get(1);
        assertThat(reply.type()).isEqualTo(ThreadEntryType.MESSAGE);
        assertThat(reply.poster()).isEqualTo("carol@example.org");
        assertThat(reply.body()).startsWith("It works again, thanks!");
        assertThat(matching("Re: VPN down")).isEmpty();
    }

    @Test
    void aReplyFromSomeoneElseThanTheOwnerIsANote() throws Exception {
        send(MailCorpus.plain("<cc-1@example.org>", "hal@example.org", "Badge lost", "My badge is gone."));
        Ticket ticket = ticketWithSubject("Badge lost");
        send(MailCorpus.reply("<cc-2@example.org>", "ida@example.org", "Re: Badge lost", "<cc-1@example.org>"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getTicket(TicketRef.ofNumber(ticket.number())).thread().size() == 2);
        ThreadEntry note = client.getTicket(TicketRef.ofNumber(ticket.number())).thread().get(1);
        assertThat(note.type()).isEqualTo(ThreadEntryType.NOTE);
        assertThat(note.body()).startsWith("Reply by email from <ida@example.org>:");
    }

    @Test
    void anAutoReplyToATicketIsANoteWithoutTheQuotedHistory() throws Exception {
        send(MailCorpus.plain("<auto-1@example.org>", "gus@example.org", "Printer jam", "Paper stuck."));
        Ticket ticket = ticketWithSubject("Printer jam");
        MimeMessage auto = MailCorpus.reply("<auto-2@example.org>", "gus@example.org", "Automatic reply: Printer jam",
                "<auto-1@example.org>");
        auto.setHeader("Auto-Submitted", "auto-replied");
        send(auto);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getTicket(TicketRef.ofNumber(ticket.number())).thread().size() == 2);
        ThreadEntry note = client.getTicket(TicketRef.ofNumber(ticket.number())).thread().get(1);
        assertThat(note.type()).isEqualTo(ThreadEntryType.NOTE);
        assertThat(note.body()).startsWith("Automatic reply from <gus@example.org>:")
                .contains("It works again, thanks!").doesNotContain("Please restart");
    }

    @Test
    void aReplyByTicketNumberLandsOnlyWhenTheOwnerSendsIt() throws Exception {
        send(MailCorpus.plain("<num-1@example.org>", "dave@example.org", "Laptop broken", "Screen is black."));
        Ticket ticket = ticketWithSubject("Laptop broken");
        String subject = "Re: [#" + ticket.number() + "] Laptop broken";
        send(MailCorpus.plain("<num-2@example.org>", "dave@example.org", subject, "Still black."));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getTicket(TicketRef.ofNumber(ticket.number())).thread().size() == 2);

        send(MailCorpus.plain("<num-3@example.org>", "eve@example.org", subject, "Me too!"));
        Ticket eves = ticketWithSubject(subject);
        assertThat(eves.number()).isNotEqualTo(ticket.number());
        assertThat(client.getTicket(TicketRef.ofNumber(ticket.number())).thread()).hasSize(2);
    }

    @Test
    void machinesNeverOpenTickets() throws Exception {
        int before = sandbox.ticketCount();
        int archived = count("Archive") + count("Errors");
        send(MailCorpus.outOfOffice("<ooo-1@example.org>", "frank@example.org"));
        send(MailCorpus.bounce("<dsn-1@mail.example.com>"));
        awaitArchived(archived + 2);
        assertThat(sandbox.ticketCount()).isEqualTo(before);
    }

    @Test
    void malformedMimeGoesToTheErrorFolderWithADeadLetter() throws Exception {
        int errors = count("Errors");
        support.deliver(MailCorpus.malformed("<broken-1@example.com>"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("Errors") == errors + 1);
        Path deadLetters = data.resolve("mail-dead-letters.jsonl");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(deadLetters)
                && Files.readString(deadLetters).contains("<broken-1@example.com>"));
        assertThat(Files.readString(deadLetters)).contains("\"mailbox\":\"support\"").contains("reason")
                .doesNotContain("imap-secret").endsWith("}\n");
        // JSON Lines: one whole record per line.
        for (String line : Files.readAllLines(deadLetters)) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("reason").asText())
                    .isNotBlank();
        }
    }

    @Test
    void largeAttachmentsAreImportedUpToTheLimitAndNamedBeyondIt() throws Exception {
        send(MailCorpus.withAttachment("<big-1@example.org>", "gina@example.org", "Big log",
                "log.zip", 10 * 1024 * 1024));
        Ticket big = ticketWithSubject("Big log");
        assertThat(big.thread().get(0).attachments()).containsExactly("log.zip");

        send(MailCorpus.withAttachment("<big-2@example.org>", "gina@example.org", "Huge dump",
                "dump.zip", 12 * 1024 * 1024));
        Ticket huge = ticketWithSubject("Huge dump");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.getTicket(TicketRef.ofNumber(huge.number())).thread().size() == 2);
        assertThat(client.getTicket(TicketRef.ofNumber(huge.number())).thread().get(1).body())
                .contains("dump.zip").contains("not imported");
    }

    @Test
    void theSameMailTwiceMakesOneTicket() throws Exception {
        send(MailCorpus.plain("<dup-1@example.org>", "hank@example.org", "Duplicate me", "once"));
        ticketWithSubject("Duplicate me");
        int archived = count("Archive") + count("Errors");
        send(MailCorpus.plain("<dup-1@example.org>", "hank@example.org", "Duplicate me", "once"));
        awaitArchived(archived + 1);
        assertThat(matching("Duplicate me")).hasSize(1);
    }
}
