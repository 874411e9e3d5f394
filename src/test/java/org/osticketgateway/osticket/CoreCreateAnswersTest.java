package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * osTicket core's answers to a create, as recorded on osTicket 1.18.1 with the plugin v2.3.4: the
 * sandbox gives each recorded request the recorded status, content type and body, and the client
 * reads each refusal as the request's fault (not retryable), not the server's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreCreateAnswersTest {

    private static final String KEY = "FULL_ACCESS_KEY";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ResponseReader reader = new ResponseReader(new ObjectMapper());
    private SandboxServer sandbox;

    @BeforeAll
    void start() throws IOException {
        sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), false);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private ApiResponse replay(ObservedExchange recorded) throws IOException, InterruptedException {
        String request = recorded.request();
        String body = request.substring(request.indexOf("\n\n") + 2).trim();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/tickets.json"))
                .header("X-API-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock/118-err-create-source-email-without-emailId.txt",
            "stock/121-err-create-source-other.txt", "stock/122-err-create-source-phone.txt",
            "stock/123-err-create-source-web-without-topicId.txt", "stock/13-err-create-missing-fields.txt",
            "stock/12-err-create-invalid-email.txt", "stock/129-err-create-email-consecutive-dots.txt",
            "stock/131-err-create-email-trailing-dot.txt", "stock/132-err-create-email-domain-trailing-dot.txt",
            "stock/134-err-create-email-ticket-banned-sender.txt",
            "stock/135-err-create-api-ticket-banned-sender.txt", "stock/147-err-create-missing-message-only.txt"})
    void aRefusedCreateIsAnsweredAsOsTicketAnswersIt(String name) throws Exception {
        ObservedExchange recorded = ObservedExchange.load(name);
        ApiResponse answer = replay(recorded);

        assertThat(answer.status()).isEqualTo(recorded.response().status());
        assertThat(answer.contentType()).isEqualToIgnoringCase(recorded.response().contentType());
        assertThat(answer.body().trim()).isEqualTo(recorded.response().body().trim());

        OsTicketException refusal = reader.error(answer, "createTicket",
                ApiCaller.failure(PluginDialect::meaning, answer, reader.errorMessage(answer)));
        assertThat(refusal.failure()).isEqualTo(OsTicketFailure.BAD_REQUEST);
        assertThat(refusal.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock/119-create-source-email-with-emailId.txt",
            "stock/120-create-source-email-unknown-emailId-accepted.txt", "stock/124-create-source-api-with-mid.txt",
            "stock/125-create-source-email-with-emailId-and-mid.txt", "stock/130-create-email-plus-tag.txt",
            "stock/146-create-source-email-emailId-zero-accepted.txt"})
    void anAcceptedCreateIsTheBareNumberAsHtml(String name) throws Exception {
        ObservedExchange recorded = ObservedExchange.load(name);
        ApiResponse answer = replay(recorded);

        assertThat(answer.status()).isEqualTo(recorded.response().status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualToIgnoringCase(recorded.response().contentType());
        assertThat(answer.body()).matches("[0-9]{6}");
        String sent = recorded.request().contains("\"source\":\"Email\"") ? "Email" : "API";
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY))) {
            assertThat(client.getTicket(TicketRef.ofNumber(answer.body())).source()).isEqualTo(sent);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Email", "Phone", "Other", "Web"})
    void theClientRefusesASourceOsTicketWouldRefuseBeforeAnyCall(String source) throws IOException {
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY))) {
            OsTicketException refused = catchThrowableOfType(OsTicketException.class, () -> client.createTicket(
                    NewTicket.of("Ann", "ann@example.org", "Subject", "Body").withOrigin(source, null, null)));
            assertThat(refused.failure()).isEqualTo(OsTicketFailure.INVALID_REQUEST);
            assertThat(refused.status()).isZero();
        }
    }
}
