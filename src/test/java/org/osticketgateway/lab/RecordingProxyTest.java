package org.osticketgateway.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.command.Commands;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** The recording proxy in front of the sandbox: what it forwards, what it writes, and that it reads back. */
class RecordingProxyTest {

    private static final String KEY = "secret-key-4711";

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsEveryRequestAndWritesEachExchangeWithKeysAsTheirRole() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), false);
             RecordingProxy proxy = RecordingProxy.start(URI.create(sandbox.url()), Map.of(KEY, "FULL_ACCESS_KEY"),
                     folder.resolve("first"))) {
            HttpResponse<String> created = send("POST", proxy.url() + "/tickets.json", KEY,
                    "{\"name\":\"Ann\",\"email\":\"ann@example.org\",\"subject\":\"Proxied\",\"message\":\"m\"}");
            String number = created.body();
            HttpResponse<String> denied = send("GET", proxy.url() + "/tickets-get.php/" + number + ".json", "wrong", null);
            String note = "x".repeat(ExchangeWriter.SHOWN_BODY_BYTES + 10);
            HttpResponse<String> updated = send("PATCH", proxy.url() + "/tickets-update.php/" + number + ".json", KEY,
                    "{\"note\":\"" + note + "\"}");
            proxy.recordInto(folder.resolve("second"));
            HttpResponse<String> got = send("GET", proxy.url() + "/tickets-get.php/" + number + ".json?x=1", KEY, null);

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            assertThat(updated.statusCode()).isEqualTo(200);
            // The large note went through whole, though the recording shows only its start.
            assertThat(Commands.json(got.body().getBytes()).at("/thread/1/body/body").asText()).hasSize(note.length());

            assertThat(files("first")).containsExactly("0001-post-tickets.txt", "0002-get-tickets-get.txt",
                    "0003-patch-tickets-update.txt");
            assertThat(files("second")).containsExactly("0001-get-tickets-get.txt");
            List<RecordedExchange> recorded = proxy.recorded();
            assertThat(recorded).extracting(RecordedExchange::name).containsExactly("0001-post-tickets.txt",
                    "0002-get-tickets-get.txt", "0003-patch-tickets-update.txt", "0001-get-tickets-get.txt");
            RecordedExchange create = read("first", "0001-post-tickets.txt");
            assertThat(create.method()).isEqualTo("POST");
            assertThat(create.pathAndQuery()).isEqualTo("/api/tickets.json");
            assertThat(create.requestHeaders()).containsEntry("x-api-key", "FULL_ACCESS_KEY");
            assertThat(create.requestBody()).contains("\"subject\":\"Proxied\"");
            assertThat(create.status()).isEqualTo(201);
            assertThat(create.responseBody()).isEqualTo(number);
            RecordedExchange refusal = read("first", "0002-get-tickets-get.txt");
            assertThat(refusal.requestHeaders()).containsEntry("x-api-key", "wrong");
            assertThat(refusal.contentType()).isEqualTo("text/html; charset=UTF-8");
            assertThat(refusal.responseBody()).isEqualTo("Valid API key required");
            assertThat(read("first", "0003-patch-tickets-update.txt").abbreviated()).isTrue();
            RecordedExchange later = read("second", "0001-get-tickets-get.txt");
            assertThat(later.pathAndQuery()).isEqualTo("/api/tickets-get.php/" + number + ".json?x=1");
            assertThat(later.responseBody()).isEqualTo(got.body());
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
                }
            }
        }
    }

    private List<String> files(String scenario) throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve(scenario))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private RecordedExchange read(String scenario, String name) throws Exception {
        return RecordedExchange.parse(name, Files.readString(folder.resolve(scenario).resolve(name)));
    }
}
