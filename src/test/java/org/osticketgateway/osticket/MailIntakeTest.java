package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.sandbox.Permission;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * osTicket core's mail intake ({@code POST /tickets.email}) as recorded on osTicket 1.18.1 with the
 * plugin v2.3.4 ({@code stock/119}, {@code stock/136}–{@code stock/144}), replayed in the recorded
 * order against the plugin sandbox: the same answers, and what the client makes of them.
 */
class MailIntakeTest {

    private static final String KEY = "FULL_ACCESS_KEY";
    private static final String CREATE_ONLY = "CREATE_ONLY_KEY";

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxServer sandbox;
    private OsTicketClient client;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY)
                .withApiKey(CREATE_ONLY, Set.of(Permission.CAN_CREATE_TICKETS)), false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        sandbox.close();
    }

    /** The recorded request's body and headers sent again; {@code labNumber} becomes {@code number}. */
    private ApiResponse replay(String name, String labNumber, String number) throws Exception {
        ObservedExchange recorded = ObservedExchange.load(name);
        String request = recorded.request();
        String body = request.substring(request.indexOf("\n\n") + 2).stripTrailing() + "\n";
        HttpRequest.Builder send = HttpRequest.newBuilder(URI.create(sandbox.url() + (request.contains("tickets.email")
                ? "/tickets.email" : "/tickets.json")))
                .header("Content-Type", request.contains("tickets.email") ? "message/rfc822" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(labNumber == null ? body : body.replace(labNumber, number),
                        StandardCharsets.UTF_8));
        request.lines().filter(l -> l.startsWith("X-API-Key: "))
                .forEach(l -> send.header("X-API-Key", l.substring("X-API-Key: ".length())));
        HttpResponse<String> answer = http.send(send.build(), HttpResponse.BodyHandlers.ofString());
        ApiResponse got = new ApiResponse(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.body());
        assertThat(got.status()).as(name).isEqualTo(recorded.response().status());
        assertThat(got.contentType()).as(name).isEqualToIgnoringCase(recorded.response().contentType());
        if (!got.isSuccess()) {
            assertThat(got.body().trim()).as(name).isEqualTo(recorded.response().body().trim());
        } else {
            assertThat(got.body()).as(name).matches("[0-9]{6}");
        }
        return got;
    }

    @Test
    void mailIsThreadedAsOsTicketThreadsIt() throws Exception {
        String vpn = replay("stock/136-email-endpoint-new-mail-with-attachment.txt", null, null).body();
        Ticket opened = client.getTicket(TicketRef.ofNumber(vpn));
        assertThat(opened.source()).isEqualTo("Email");
        assertThat(opened.thread()).singleElement().satisfies(e -> assertThat(e.attachments()).containsExactly("dump.bin"));

        assertThat(replay("stock/137-email-endpoint-reply-by-in-reply-to.txt", null, null).body()).isEqualTo(vpn);
        assertThat(replay("stock/138-email-endpoint-same-message-id-again.txt", null, null).body()).isEqualTo(vpn);
        Ticket replied = client.getTicket(TicketRef.ofNumber(vpn));
        assertThat(replied.thread()).hasSize(2).extracting(ThreadEntry::type)
                .containsExactly(ThreadEntryType.MESSAGE, ThreadEntryType.MESSAGE);
        assertThat(replied.thread().get(1).body()).startsWith("It is back up now.");

        // The Message-ID a JSON create sent as mid threads a reply there too.
        String printer = replay("stock/125-create-source-email-with-emailId-and-mid.txt", null, null).body();
        String withMid = replay("stock/124-create-source-api-with-mid.txt", null, null).body();
        assertThat(replay("stock/140-email-endpoint-reply-to-mid-sent-with-json-create.txt", null, null).body())
                .isEqualTo(withMid);

        // [#number] threads only for the ticket's owner.
        String owner = replay("stock/119-create-source-email-with-emailId.txt", null, null).body();
        assertThat(replay("stock/139-email-endpoint-subject-token-from-another-sender-is-new.txt", "943874", owner)
                .body()).isNotEqualTo(owner);
        assertThat(replay("stock/141-email-endpoint-reply-by-subject-token-from-owner-with-attachment.txt",
                "943874", owner).body()).isEqualTo(owner);
        assertThat(replay("stock/142-email-endpoint-reply-again-same-message-id.txt", "943874", owner).body())
                .isEqualTo(owner);
        assertThat(client.getTicket(TicketRef.ofNumber(owner)).thread()).hasSize(2)
                .last().satisfies(e -> assertThat(e.attachments()).containsExactly("fire.png"));
        assertThat(printer).isNotIn(vpn, withMid, owner);
    }

    @Test
    void mailNeedsAKeyThatMayCreateTickets() throws Exception {
        replay("stock/143-err-email-endpoint-no-key.txt", null, null);
        assertThat(client.getTicket(TicketRef.ofNumber(
                replay("stock/144-email-endpoint-create-only-key.txt", null, null).body())).subject())
                .isEqualTo("No message id");
    }

    @Test
    void theClientPostsAMailAndLearnsItsTicket() throws Exception {
        ObservedExchange recorded = ObservedExchange.load("stock/136-email-endpoint-new-mail-with-attachment.txt");
        String mail = recorded.request().substring(recorded.request().indexOf("\n\n") + 2);
        TicketRef ticket = client.postEmail(mail.getBytes(StandardCharsets.UTF_8));
        assertThat(client.postEmail(mail.getBytes(StandardCharsets.UTF_8))).isEqualTo(ticket);
        assertThat(client.getTicket(ticket).subject()).isEqualTo("Raw mail to tickets.email");
    }
}
