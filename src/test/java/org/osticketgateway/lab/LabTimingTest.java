package org.osticketgateway.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a real osTicket 1.18.1 with the API Endpoints plugin v2.3.4 takes to answer each call, and
 * what it does past its concurrency limit (the lab kit's, {@code -Dlab.env=<lab folder>/lab.env};
 * skipped without one). Creates are posted at 1 to 8 calls in flight; every other call is timed one
 * at a time; search and stats are timed at two sizes of the helpdesk, to find their cost per ticket.
 * Writes the measurements to {@code src/test/resources/lab-osticket-1.18.1/timing.md} and the
 * sandbox's timing profile fitted to them to {@code src/main/resources/.../osticket-1.18.1.timing.properties}.
 */
@EnabledIfSystemProperty(named = "lab.env", matches = ".+")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class LabTimingTest {

    private static final Path TABLE = Path.of("src/test/resources/lab-osticket-1.18.1/timing.md");
    private static final Path PROFILE = Path.of(
            "src/main/resources/org/osticketgateway/sandbox/osticket-1.18.1.timing.properties");
    private static final int[] IN_FLIGHT = {1, 2, 3, 4, 6, 8};
    private static final int SAMPLES = 30;
    private static final int LARGER_BY = Integer.getInteger("lab.timing.add", 2000);
    private static final String EVENTS_POLL = "search, open, sort updated, limit 100";
    private static final String NONE_MATCHING = "search, subject matching none";
    private static final String STATS = "stats";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "Timing " + UUID.randomUUID().toString().substring(0, 6);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger created = new AtomicInteger();
    private final StringBuilder md = new StringBuilder();
    private final Map<String, String> profile = new LinkedHashMap<>();
    private LabEnvironment lab;

    /** One call: its status and how long it took, in milliseconds. */
    private record Timed(int status, String body, double millis) {
    }

    @Test
    void eachCallOfTheRealOsTicketTimed() throws Exception {
        lab = LabEnvironment.read(Path.of(System.getProperty("lab.env")));
        int cores = Runtime.getRuntime().availableProcessors();
        md.append("# How fast a real osTicket answers\n\nWritten by `LabTimingTest` on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(": osTicket 1.18.1 + API Endpoints ")
                .append("v2.3.4 (the lab kit: nginx, php-fpm 8.2, MariaDB) on ").append(cores)
                .append(" cores, the client on the same machine, all on loopback.\n\n");

        md.append("## Ticket creates by calls in flight\n\n| in flight | creates | per second | p50 | p99 |\n|---|---|---|---|---|\n");
        double single = 0;
        double most = 0;
        List<String> numbers = new ArrayList<>();
        for (int inFlight : IN_FLIGHT) {
            int count = 40 * inFlight;
            List<Timed> calls = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            runConcurrently(inFlight, count, i -> {
                Timed call = create();
                calls.add(call);
                return call;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            calls.forEach(c -> assertThat(c.status()).as(c.body()).isEqualTo(201));
            calls.forEach(c -> numbers.add(c.body().trim()));
            List<Double> times = calls.stream().map(Timed::millis).toList();
            double rate = count / seconds;
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f/s | %.1f ms | %.1f ms |%n", inFlight, count, rate,
                    percentile(times, 50), percentile(times, 99)));
            if (inFlight == 1) {
                single = percentile(times, 50);
            }
            most = Math.max(most, rate);
        }
        // The machine's cores as a pool: each create holds one for the work the server's most allows, and
        // spends the rest of its single-call time waiting without one (the database's commits).
        double work = Math.min(single, cores * 1000 / most);
        profile.put("cores", String.valueOf(cores));
        profile.put("workers", String.valueOf(phpWorkers()));
        profile.put("create.latency-ms", format(single - work));
        profile.put("create.work-ms", format(work));
        md.append(String.format(Locale.ROOT, "%nMost: %.1f/s. Fitted: %d cores; a create holds one for %.1f ms and "
                + "waits %.1f ms without one.%n%n", most, cores, work, single - work));

        md.append("## Other calls, one at a time\n\n| call | samples | p50 | p99 |\n|---|---|---|---|\n");
        String any = numbers.get(0);
        one("get", SAMPLES, i -> get("/tickets-get.php/" + numbers.get(i) + ".json"));
        one("update", SAMPLES, i -> send("PATCH", "/tickets-update.php/" + numbers.get(i) + ".json",
                "{\"note\":\"" + RUN + " timing note " + i + "\"}"));
        one("statuses", SAMPLES, i -> get("/tickets-statuses.php"));
        one("delete", 10, i -> send("DELETE", "/tickets-delete.php/" + numbers.get(numbers.size() - 1 - i) + ".json",
                null));
        one("subtickets", 10, i -> get("/tickets-subtickets-list.php/" + any + ".json"));

        md.append("\n## Search and stats by the tickets they walk\n\n")
                .append("| tickets (open / all) | call | matching | p50 |\n|---|---|---|---|\n");
        Map<String, double[]> small = walks();
        runConcurrently(6, LARGER_BY, i -> create());
        Map<String, double[]> large = walks();
        for (String call : small.keySet()) {
            double[] fit = fit(small.get(call), large.get(call));
            md.append(String.format(Locale.ROOT, "%nFitted %s: %.1f ms + %.4f ms per matching ticket.", call, fit[0],
                    fit[1]));
        }
        // A search costs what one matching nothing costs, plus, per ticket it matches, what the costliest
        // search the gateway makes (sorted by update, a page of 100: the events poll) adds per ticket.
        profile.put("search.work-ms", format(large.get(NONE_MATCHING)[1]));
        profile.put("search.per-ticket-ms", perTicket(fit(small.get(EVENTS_POLL), large.get(EVENTS_POLL))[1]));
        double[] stats = fit(small.get(STATS), large.get(STATS));
        profile.put("stats.work-ms", format(stats[0]));
        profile.put("stats.per-ticket-ms", perTicket(stats[1]));
        md.append("\n\nEvery create in this run has the subject prefix `").append(RUN).append("`.\n");
        Files.writeString(TABLE, md);
        writeProfile(cores);
    }

    /** The base and the cost per ticket of a call timed at two sizes: {matching, p50} each. */
    private static double[] fit(double[] small, double[] large) {
        double perTicket = large[0] == small[0] ? 0 : Math.max(0, (large[1] - small[1]) / (large[0] - small[0]));
        return new double[] {Math.max(0, small[1] - perTicket * small[0]), perTicket};
    }

    private static String perTicket(double millis) {
        return String.format(Locale.ROOT, "%.4f", millis);
    }

    /** Times search and stats against the lab as it is now: per call, the tickets it walks and its p50. */
    private Map<String, double[]> walks() throws Exception {
        JsonNode stats = JSON.readTree(get("/tickets-stats.php").body());
        int open = stats.path("open").asInt();
        int all = stats.path("total").asInt();
        Map<String, double[]> walked = new LinkedHashMap<>();
        walk(walked, open, all, "search, open, limit 1", open, "/tickets-search.php?status=Open&limit=1");
        walk(walked, open, all, EVENTS_POLL, open,
                "/tickets-search.php?status=Open&sort=updated&limit=100");
        walk(walked, open, all, "search, all, limit 1", all, "/tickets-search.php?limit=1");
        walk(walked, open, all, "search, closed, limit 1", all - open, "/tickets-search.php?status=Closed&limit=1");
        walk(walked, open, all, NONE_MATCHING, 0,
                "/tickets-search.php?query=nothing-matches-this&limit=1");
        walk(walked, open, all, STATS, all, "/tickets-stats.php");
        return walked;
    }

    private void walk(Map<String, double[]> walked, int open, int all, String call, int matching, String path)
            throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Timed timed = get(path);
            assertThat(timed.status()).as(call + ": " + timed.body()).isEqualTo(200);
            times.add(timed.millis());
        }
        double p50 = percentile(times, 50);
        walked.put(call, new double[] {matching, p50});
        md.append(String.format(Locale.ROOT, "| %,d / %,d | %s | %,d | %.1f ms |%n", open, all, call, matching, p50));
    }

    private void one(String call, int samples, Call each) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Timed timed = each.make(i);
            assertThat(timed.status()).as(call + ": " + timed.body()).isLessThan(500);
            times.add(timed.millis());
        }
        double p50 = percentile(times, 50);
        profile.put(call + ".work-ms", format(p50));
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms |%n", call, samples, p50,
                percentile(times, 99)));
    }

    private void writeProfile(int cores) throws IOException {
        StringBuilder text = new StringBuilder("# The sandbox's realistic timing: osTicket 1.18.1 + API Endpoints v2.3.4,\n")
                .append("# measured by LabTimingTest on ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" (lab kit, ").append(cores).append(" cores, client on the same machine).\n")
                .append("# The measurements: src/test/resources/lab-osticket-1.18.1/timing.md\n");
        profile.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        Files.createDirectories(PROFILE.getParent());
        Files.writeString(PROFILE, text);
    }

    /** php-fpm's {@code pm.max_children} in the lab's configuration: how many calls it serves at once. */
    private int phpWorkers() throws IOException {
        return Files.readAllLines(lab.dir().resolve("conf/php-fpm.conf")).stream()
                .filter(line -> line.trim().startsWith("pm.max_children"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf('=') + 1).trim()))
                .findFirst().orElseThrow(() -> new IllegalStateException("php-fpm.conf sets no pm.max_children"));
    }

    private Timed create() throws IOException, InterruptedException {
        int n = created.incrementAndGet();
        return send("POST", "/tickets.json", String.format("{\"name\":\"Timing %d\",\"email\":\"timing%d@example.com\","
                + "\"subject\":\"%s %d\",\"message\":\"Measuring how long a create takes.\"}", n, n % 50, RUN, n));
    }

    private Timed get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private Timed send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lab.apiUrl() + path))
                .header("X-API-Key", lab.apiKey()).timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Timed(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
    }

    private static void runConcurrently(int threads, int count, Call each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Timed>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(pool.submit(() -> each.make(index)));
            }
            for (Future<Timed> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(List<Double> samples, double p) {
        List<Double> sorted = samples.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.1f", Math.max(0, millis));
    }

    /** One numbered call of a series. */
    private interface Call {
        Timed make(int index) throws IOException, InterruptedException;
    }
}
