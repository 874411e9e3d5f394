package org.osticketgateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A reverse proxy on loopback in front of a real osTicket's API: forwards every request as it
 * came, one at a time, and writes each exchange to the current folder as
 * {@code NNNN-<method>-<endpoint>.txt}, in the form of the recordings in
 * {@code plugin-v2.3.4-observed} ({@link RecordedExchange} reads them back). Numbers follow the
 * order in which osTicket handled the requests, so a replay in that order meets the same state.
 * API keys are written as their role, cookie values are blanked.
 */
public final class RecordingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself (it refuses them), or that belong to one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "date");

    private final URI origin;
    private final String apiPath;
    private final ExchangeWriter writer;
    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient client;
    private final SortedMap<Integer, RecordedExchange> recorded = new TreeMap<>();
    private Path folder;
    private int sequence;
    private int exchanges;
    private final Object oneAtATime = new Object();

    private RecordingProxy(URI api, ExchangeWriter writer, Path folder) throws IOException {
        this.origin = URI.create(api.getScheme() + "://" + api.getRawAuthority());
        this.apiPath = api.getRawPath();
        this.writer = writer;
        this.folder = Files.createDirectories(folder);
        this.workers = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "recording-proxy");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(workers);
        server.start();
    }

    /**
     * Starts in front of {@code api} (an API root such as {@code http://127.0.0.1:8098/api}),
     * writing to {@code folder}; {@code keyRoles} names each API key as it is to be written.
     */
    public static RecordingProxy start(URI api, Map<String, String> keyRoles, Path folder) throws IOException {
        return new RecordingProxy(api, new ExchangeWriter(keyRoles), folder);
    }

    /** The API root to give the gateway instead of osTicket's. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + apiPath;
    }

    /** From now on exchanges go to {@code next}, numbered from 1 again: a new scenario. */
    public synchronized void recordInto(Path next) throws IOException {
        folder = Files.createDirectories(next);
        sequence = 0;
    }

    /**
     * Runs {@code change} while no request is forwarded (they wait): a change to the lab, such as a
     * php-fpm reload, during which nginx would answer 502 — no osTicket answer a replay could meet.
     */
    public <T> T whileHolding(Callable<T> change) throws Exception {
        synchronized (oneAtATime) {
            return change.call();
        }
    }

    /** Every exchange so far, of every folder, in the order osTicket handled them. */
    public synchronized List<RecordedExchange> recorded() {
        return List.copyOf(recorded.values());
    }

    private synchronized Slot nextSlot() {
        sequence++;
        return new Slot(folder, sequence, exchanges++);
    }

    /** Where an exchange goes: its folder, its number there, and its place among all exchanges. */
    private record Slot(Path folder, int number, int order) {
    }

    /** What osTicket answered (or, when it could not be reached, what the gateway is told instead). */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            URI target = origin.resolve(exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery));
            Map<String, List<String>> requestHeaders = forwardable(exchange.getRequestHeaders());
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            requestHeaders.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            Slot slot;
            Instant at;
            Answer answer;
            // One request at a time: osTicket writes a new ticket in several statements, and a search running
            // alongside can see it half made, which no replay in recorded order could reproduce.
            synchronized (oneAtATime) {
                slot = nextSlot();
                at = Instant.now();
                answer = send(request.build());
            }
            // Recorded before it is answered: once a caller has its answer, the exchange is on disk.
            RecordedExchange written = writer.write(slot.folder(), slot.number(), at, exchange.getRequestMethod(),
                    target, requestHeaders, body, answer.status(), answer.headers(), answer.body());
            synchronized (this) {
                recorded.put(slot.order(), written);
            }
            forwardable(answer.headers()).forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    private Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new TreeMap<>(response.headers().map()), response.body());
        } catch (IOException e) {
            // What the gateway then sees is this answer, so it is what the recording says.
            return new Answer(502, Map.of("content-type", List.of("text/plain; charset=UTF-8")),
                    ("osTicket unreachable: " + e.getClass().getSimpleName()).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    /** The headers that travel on: names lower-cased, hop-by-hop ones left to each side's HTTP stack. */
    private static Map<String, List<String>> forwardable(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_HEADERS.contains(lower) && !lower.startsWith(":")) {
                kept.computeIfAbsent(lower, n -> new ArrayList<>()).addAll(values);
            }
        });
        return kept;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
