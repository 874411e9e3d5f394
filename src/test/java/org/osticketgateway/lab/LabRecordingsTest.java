package org.osticketgateway.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osticketgateway.sandbox.Permission;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Every scenario the lab suite recorded on a real osTicket 1.18.1 ({@code lab-osticket-1.18.1/<scenario>/}),
 * replayed request by request, in order, against a fresh plugin sandbox without demo data (with the
 * subticket crash fixed for a scenario whose name ends in {@code patched}): the sandbox must answer with
 * the same status, the same content type, and the same body — exactly for text and HTML (a PHP fatal
 * error's install path and line aside), by shape for JSON and XML ({@link AnswerShape}). Ticket numbers
 * and ids are mapped to the sandbox's as its answers make them known ({@link TicketKeys}).
 */
class LabRecordingsTest {

    private static final String ROOT = "/lab-osticket-1.18.1/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(LabRecordingsTest.class.getResource(ROOT)).toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theSandboxAnswersAsTheLabDid(String scenario) throws Exception {
        SandboxOptions options = SandboxOptions.shippedPlugin("FULL_ACCESS_KEY")
                .withApiKey("CREATE_ONLY_KEY", Set.of(Permission.CAN_CREATE_TICKETS));
        List<String> divergences = new ArrayList<>();
        try (SandboxServer sandbox = SandboxServer.start(0, scenario.endsWith("patched") ? options.patched() : options,
                false)) {
            String origin = sandbox.url().substring(0, sandbox.url().length() - "/api".length());
            TicketKeys keys = new TicketKeys();
            for (RecordedExchange recorded : recordings(scenario)) {
                assertThat(recorded.abbreviated()).as(recorded.name() + " holds an abbreviated body: it cannot be sent "
                        + "again").isFalse();
                HttpResponse<String> answer = http.send(request(origin, recorded, keys),
                        HttpResponse.BodyHandlers.ofString());
                keys.learn(recorded, answer.body());
                differences(recorded, answer, keys).forEach(d -> divergences.add(recorded.name() + ": " + d));
            }
        }
        assertThat(divergences).as("where the sandbox answers otherwise than osTicket did in " + scenario).isEmpty();
    }

    private static List<RecordedExchange> recordings(String scenario) throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(LabRecordingsTest.class.getResource(ROOT + scenario)).toURI());
        List<RecordedExchange> exchanges = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    exchanges.add(RecordedExchange.parse(file.getFileName().toString(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return exchanges;
    }

    private static HttpRequest request(String origin, RecordedExchange recorded, TicketKeys keys) {
        String body = keys.numbers(recorded.requestBody());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + keys.path(recorded.pathAndQuery())))
                .method(recorded.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (String header : List.of("x-api-key", "content-type")) {
            if (recorded.requestHeaders().containsKey(header)) {
                request.header(header, recorded.requestHeaders().get(header));
            }
        }
        return request.build();
    }

    private static List<String> differences(RecordedExchange recorded, HttpResponse<String> answer, TicketKeys keys)
            throws IOException {
        List<String> differences = new ArrayList<>();
        String replayedType = answer.headers().firstValue("Content-Type").orElse("");
        String expected = keys.numbers(recorded.responseBody());
        if (recorded.status() != answer.statusCode()) {
            differences.add("status " + recorded.status() + " recorded, " + answer.statusCode() + " replayed: "
                    + shortly(answer.body()));
        }
        if (!mediaType(recorded.contentType()).equals(mediaType(replayedType))) {
            differences.add("content type " + recorded.contentType() + " recorded, " + replayedType + " replayed");
        }
        String type = mediaType(recorded.contentType());
        if (type.startsWith("application/json") && isJson(expected) && isJson(answer.body())) {
            AnswerShape.jsonDifferences(JSON.readTree(expected), JSON.readTree(answer.body())).forEach(differences::add);
        } else if (type.startsWith("application/xml")) {
            differences.addAll(AnswerShape.xmlDifferences(expected, answer.body()));
        } else if (!withoutCrashSite(expected).equals(withoutCrashSite(answer.body()))) {
            differences.add("body `" + shortly(expected) + "` recorded, `" + shortly(answer.body()) + "` replayed");
        }
        return differences;
    }

    /** Media type and charset, whatever their case and spacing. */
    private static String mediaType(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static boolean isJson(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            return tree != null && tree.isContainerNode();
        } catch (IOException e) {
            return false;
        }
    }

    /** A PHP fatal error names where osTicket is installed and the line where memory ran out; neither is its meaning. */
    private static String withoutCrashSite(String body) {
        return body.replaceAll("in <b>[^<]*/include/", "in <b>…/include/").replaceAll("on line <b>\\d+</b>",
                "on line <b>…</b>");
    }

    private static String shortly(String text) {
        String one = text.strip().replace("\n", "\\n");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
