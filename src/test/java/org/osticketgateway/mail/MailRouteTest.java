package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.osticketgateway.GatewayRouteTestSupport;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;

/**
 * {@code routes/mail-to-ticket.yaml} with Camel's test kit: the mailbox's IMAP consumer replaced by
 * {@code direct:support}, the dead-letter file by a mock endpoint; every way the route decides a
 * mail: a ticket, the customer's reply, a note, ignored, the error folder (refused, unreadable,
 * given up), rolled back for the next poll, and taken once.
 */
class MailRouteTest extends GatewayRouteTestSupport {

    @Override
    protected String routeFile() {
        return "mail-to-ticket.yaml";
    }

    @Override
    protected String[] settings() {
        return new String[] {"mail.mailboxes", "support", "mail.support.host", "127.0.0.1",
                "mail.support.username", "support", "mail.support.password", "imap-secret",
                "mail.banned", "spam@example.com", "mail.max-attempts", "2"};
    }

    @Override
    protected void install(CamelContext camel, Settings settings) throws Exception {
        MailSetup.install(camel, settings);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "mail-to-ticket-support", a -> a.replaceFromWith("direct:support"));
        AdviceWith.adviceWith(context, "mail-error", a -> a.weaveByToUri("file:*").replace().to("mock:dead-letters"));
    }

    /** The mail as a server hands it over: parsed from its bytes, so its size is known. */
    private Exchange deliver(MimeMessage mail) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.writeTo(bytes);
        MimeMessage received = new MimeMessage(MailCorpus.SESSION, new ByteArrayInputStream(bytes.toByteArray()));
        return template.send("direct:support", e -> e.getMessage().setBody(received));
    }

    private double mails(String outcome) {
        return count("gateway.mails", Map.of("outcome", outcome));
    }

    private long osticketSearch(String subject) throws Exception {
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY))) {
            return client.searchTickets(SearchQuery.all().withQuery(subject)).tickets().size();
        }
    }

    @Test
    void aNewMailBecomesATicketAndTheOwnersReplyItsMessage() throws Exception {
        Exchange created = deliver(MailCorpus.plain("<new-1@example.com>", "ada@example.com", "Printer on fire",
                "Smoke everywhere"));
        assertThat(created.getException()).isNull();
        String number = created.getMessage().getHeader("CamelOsTicketTicketNumber", String.class);
        assertThat(number).isNotBlank();
        assertThat(osticketSearch("Printer on fire")).isEqualTo(1);
        assertThat(mails("ticket-created")).isEqualTo(1);

        Exchange reply = deliver(MailCorpus.reply("<reply-1@example.com>", "ada@example.com", "Re: Printer on fire",
                "<new-1@example.com>"));
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("CamelOsTicketTicketNumber", String.class)).isEqualTo(number);
        assertThat(mails("message-added")).isEqualTo(1);

        Exchange colleague = deliver(MailCorpus.reply("<reply-2@example.com>", "bob@example.com",
                "Re: Printer on fire", "<new-1@example.com>"));
        assertThat(colleague.getException()).isNull();
        assertThat(mails("note-added")).isEqualTo(1);
        assertThat(getMockEndpoint("mock:dead-letters").getReceivedCounter()).isZero();
    }

    @Test
    void anAutoReplyMatchingNoTicketIsIgnored() throws Exception {
        int before = sandbox.ticketCount();
        assertThat(deliver(MailCorpus.outOfOffice("<ooo-1@example.com>", "ada@example.com")).getException()).isNull();
        assertThat(mails("ignored")).isEqualTo(1);
        assertThat(sandbox.ticketCount()).isEqualTo(before);
    }

    @Test
    void aRefusedSenderAndAnUnreadableMailGoToTheErrorFolderWithTheirReason() throws Exception {
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letters");
        deadLetters.expectedMessageCount(2);
        deadLetters.expectedHeaderReceived("moveTo", "Errors");

        deliver(MailCorpus.plain("<spam-1@example.com>", "spam@example.com", "Cheap pills", "buy"));
        deliver(MailCorpus.malformed("<broken-1@example.com>"));

        deadLetters.assertIsSatisfied();
        var json = new ObjectMapper();
        var refused = json.readTree(deadLetters.getExchanges().get(0).getMessage().getBody(String.class));
        assertThat(refused.path("mailbox").asText()).isEqualTo("support");
        assertThat(refused.path("messageId").asText()).isEqualTo("<spam-1@example.com>");
        assertThat(refused.path("reason").asText()).isNotBlank();
        var unreadable = json.readTree(deadLetters.getExchanges().get(1).getMessage().getBody(String.class));
        assertThat(unreadable.path("reason").asText()).startsWith("unreadable MIME");
        assertThat(deadLetters.getExchanges().get(1).getMessage().getBody(String.class)).doesNotContain("imap-secret");
        assertThat(mails("error-folder")).isEqualTo(2);
    }

    @Test
    void aMailOsTicketKeepsFailingIsRolledBackThenGivenUp() throws Exception {
        sandbox.failCreatesContaining("cursed");
        MimeMessage cursed = MailCorpus.plain("<cursed-1@example.com>", "ada@example.com", "cursed", "m");

        Exchange first = deliver(cursed);
        // Not handled: camel-mail rolls the mail back to unseen for the next poll.
        assertThat(first.getException()).isInstanceOf(OsTicketException.class);
        assertThat(((OsTicketException) first.getException()).isRetryable()).isTrue();
        assertThat(deliver(cursed).getException()).isInstanceOf(OsTicketException.class);

        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letters");
        deadLetters.expectedMessageCount(1);
        assertThat(deliver(cursed).getException()).isNull();
        deadLetters.assertIsSatisfied();
        assertThat(count("gateway.mails", Map.of("outcome", "error-folder", "reason", "gave-up"))).isEqualTo(1);
    }

    @Test
    void aMailIsTakenOnce() throws Exception {
        MimeMessage mail = MailCorpus.plain("<once-1@example.com>", "ada@example.com", "Only once", "m");
        deliver(mail);
        deliver(mail);
        assertThat(osticketSearch("Only once")).isEqualTo(1);
        assertThat(mails("ticket-created")).isEqualTo(1);
    }
}
