package org.osticketgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox takes, and counts, the time its timing profile says a real osTicket takes. */
class SandboxTimingTest {

    private static final String KEY = "timing-key";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SandboxServer sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY).patched(), false);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSearchCostsItsBaseAndEveryTicketItsFiltersMatchWhateverItsLimit() throws Exception {
        sandbox.addTickets(300, "Printer");
        sandbox.addTickets(50, "Scanner");
        sandbox.timing(profile(OperationTime.FREE, new OperationTime(Duration.ZERO, Duration.ofMillis(30),
                Duration.ofMillis(2)), 2, 8).withoutWaiting());

        assertThat(call("GET", "/tickets-search.php?query=Scanner&limit=1").statusCode()).isEqualTo(200);
        assertThat(sandbox.serverTime()).isEqualTo(Duration.ofMillis(30 + 2 * 50));
        assertThat(call("GET", "/tickets-search.php?limit=100").statusCode()).isEqualTo(200);
        assertThat(sandbox.serverTime()).isEqualTo(Duration.ofMillis(30 + 2 * 50 + 30 + 2 * 350));
        assertThat(sandbox.callCounts()).containsEntry(ApiOperation.SEARCH, 2L).containsEntry(ApiOperation.CREATE, 0L);
    }

    @Test
    void callsBeyondTheServersCoresQueueForOne() throws Exception {
        sandbox.timing(profile(new OperationTime(Duration.ZERO, Duration.ofMillis(60), Duration.ZERO),
                OperationTime.FREE, 1, 8));

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            creates.add(http.sendAsync(request("POST", "/tickets.json", "{\"name\":\"Ann\",\"email\":\"ann@example.com\","
                    + "\"subject\":\"Queued " + i + "\",\"message\":\"Hello\"}"), HttpResponse.BodyHandlers.ofString()));
        }
        creates.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(201));

        // One core: the four creates' work runs one after another, however many arrive at once.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(240));
        assertThat(sandbox.serverTime()).isEqualTo(Duration.ofMillis(240));
        assertThat(sandbox.callCounts()).containsEntry(ApiOperation.CREATE, 4L);
    }

    @Test
    void theRealisticProfileIsTheOneMeasuredOnTheLab() {
        TimingProfile realistic = TimingProfile.realistic();

        assertThat(realistic.source()).contains("osTicket 1.18.1");
        assertThat(realistic.waits()).isTrue();
        assertThat(realistic.time(ApiOperation.CREATE).work()).isPositive();
        assertThat(realistic.time(ApiOperation.SEARCH).perTicket()).isPositive();
        assertThat(realistic.time(ApiOperation.STATS).perTicket()).isPositive();
        assertThat(realistic.cores()).isPositive();
        assertThat(realistic.workers()).isGreaterThanOrEqualTo(realistic.cores());
    }

    private static TimingProfile profile(OperationTime create, OperationTime search, int cores, int workers) {
        return new TimingProfile("test", cores, workers, Map.of(ApiOperation.CREATE, create, ApiOperation.SEARCH,
                search), true);
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        return http.send(request(method, path, null), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + path)).header("X-API-Key", KEY);
        return json == null ? request.method(method, HttpRequest.BodyPublishers.noBody()).build()
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
