package org.osticketgateway.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process emulator of osTicket's API Endpoints plugin over real HTTP on loopback: all 11
 * endpoints under {@code /api}, JSON and XML, API keys with permissions, every documented error.
 * Memory only; what it holds is gone when it stops.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final SandboxResponse INTERNAL_ERROR = new SandboxResponse(500, SandboxResponse.JSON,
            "{\"error\":\"Internal server error\"}");

    private final SandboxStore store;
    private final SandboxApi api;
    private final ExecutorService workers;
    private final int port;
    private HttpServer http;
    private volatile boolean failingSearches;
    private volatile String failingCreates;
    private volatile long serviceNanos;
    private volatile ServerClock clock = new ServerClock(TimingProfile.none());
    private final AtomicInteger failedSearches = new AtomicInteger();

    private SandboxServer(SandboxStore store, SandboxApi api, HttpServer http, ExecutorService workers) {
        this.store = store;
        this.api = api;
        this.http = http;
        this.workers = workers;
        this.port = http.getAddress().getPort();
    }

    static {
        // The JDK server writes an answer's headers and body apart; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every answer, which a real osTicket
        // behind Apache or nginx does not. Read once, when the JVM's first HttpServer is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Starts on 127.0.0.1; port 0 takes a free one. */
    public static SandboxServer start(int port, SandboxOptions options, boolean demoData) throws IOException {
        boolean plugin = options.dialect() == SandboxDialect.PLUGIN;
        SandboxStore store = new SandboxStore(Directory.demo(plugin ? "Emergency" : "Urgent"), Clock.systemUTC(),
                20251108L);
        if (demoData) {
            DemoData.load(store);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 4),
                runnable -> {
                    Thread thread = new Thread(runnable, "osticket-sandbox");
                    thread.setDaemon(true);
                    return thread;
                });
        SandboxApi api = plugin ? new PluginApi(store, options) : new ReferenceApi(store, options);
        SandboxServer server = new SandboxServer(store, api, http, workers);
        server.listen(http);
        LOG.info("osTicket sandbox ({} dialect) listening on {} with {} tickets",
                options.dialect().name().toLowerCase(Locale.ROOT), server.url(), store.size());
        return server;
    }

    private void listen(HttpServer server) {
        server.createContext("/api/", this::serve);
        server.setExecutor(workers);
        server.start();
    }

    /** The API root to configure as {@code osticket.url}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/api";
    }

    /**
     * Makes search answer 500 (or answer again): an osTicket that fails halfway, while the other
     * endpoints still work.
     */
    public void failSearches(boolean failing) {
        failingSearches = failing;
    }

    /**
     * Makes every answer take at least this long, as a real osTicket's PHP and database do (tens of
     * milliseconds a call), where the sandbox alone answers in well under one.
     */
    public void serviceTime(Duration time) {
        serviceNanos = time.toNanos();
    }

    /**
     * Makes the sandbox take as long as the profile says a real osTicket takes for each call (or, with
     * the profile not waiting, count that time only). Counts from zero again.
     */
    public void timing(TimingProfile profile) {
        clock = new ServerClock(profile);
    }

    /** The server time the calls since the last {@link #timing} would have cost a real osTicket. */
    public Duration serverTime() {
        return clock.serverTime();
    }

    /** The calls answered since the last {@link #timing}, by operation. */
    public Map<ApiOperation, Long> callCounts() {
        return clock.callCounts();
    }

    /**
     * Makes every create whose body contains {@code marker} answer 500 (null: none): one request
     * osTicket keeps failing while it answers every other.
     */
    public void failCreatesContaining(String marker) {
        failingCreates = marker;
    }

    /** How many searches were failed on purpose so far. */
    public int failedSearches() {
        return failedSearches.get();
    }

    private SandboxResponse failedSearch() {
        failedSearches.incrementAndGet();
        return INTERNAL_ERROR;
    }

    private boolean isFailingCreate(SandboxRequest request) {
        String marker = failingCreates;
        return marker != null && request.path().startsWith("/tickets.")
                && new String(request.body(), StandardCharsets.UTF_8).contains(marker);
    }

    /** Adds {@code count} plain open tickets, created a day ago: a large helpdesk, quickly. */
    public void addTickets(int count, String subjectPrefix) {
        synchronized (store) {
            Instant at = store.now().minus(Duration.ofDays(1));
            for (int i = 0; i < count; i++) {
                SandboxTicket ticket = store.open("Load " + i, "load" + i + "@example.com", "10.0.0.1", "API", at);
                ticket.subject = subjectPrefix + " " + i;
                store.addEntry(ticket, "M", ticket.name, null, "load", "text", at, List.of());
            }
        }
    }

    /** Stops answering (connections are refused), keeping every ticket: an osTicket outage. */
    public synchronized void goOffline() {
        http.stop(0);
    }

    /** Answers again on the same port, with the same tickets. */
    public synchronized void comeBack() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        listen(http);
    }

    public int ticketCount() {
        synchronized (store) {
            return store.size();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getRawPath().substring("/api".length());
            SandboxRequest request = new SandboxRequest(exchange.getRequestMethod(),
                    URLDecoder.decode(path, StandardCharsets.UTF_8),
                    query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("X-API-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    in.readAllBytes());
            ServerClock timing = clock;
            SandboxResponse response;
            try {
                response = failingSearches && request.path().startsWith("/tickets-search.php") ? failedSearch()
                        : isFailingCreate(request) ? INTERNAL_ERROR : api.handle(request);
            } catch (RuntimeException e) {
                // A bug of the sandbox answers as a server error would, not as a dropped connection.
                LOG.error("sandbox failed on {} {}", request.method(), request.path(), e);
                response = INTERNAL_ERROR;
            }
            timing.spend(ApiOperation.of(request.path()), response.walked());
            if (serviceNanos > 0) {
                LockSupport.parkNanos(serviceNanos);
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    @Override
    public synchronized void close() {
        http.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the sandbox alone: {@code [port] [api-key] [reference|plugin]} (defaults 8089, the key in
     * {@code OSTICKET_API_KEY} else {@code sandbox-key}, and the documented API; {@code plugin} is the
     * plugin as shipped, failures included).
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String key = args.length > 1 ? args[1]
                : System.getenv().getOrDefault("OSTICKET_API_KEY", "sandbox-key");
        boolean plugin = args.length > 2 && "plugin".equalsIgnoreCase(args[2]);
        SandboxServer server = start(port, plugin ? SandboxOptions.shippedPlugin(key) : SandboxOptions.withKey(key),
                true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        LOG.info("Sandbox ready: curl -H 'X-API-Key: <key>' {}/tickets-search.php", server.url());
        Thread.currentThread().join();
    }
}
