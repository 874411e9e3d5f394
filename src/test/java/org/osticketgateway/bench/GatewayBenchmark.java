package org.osticketgateway.bench;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayProcess;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.command.Commands;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.events.TicketEvent;
import org.osticketgateway.mail.MailCorpus;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * How fast the gateway is against the limit set by what it talks to, measured side by side: run on
 * demand with {@code mvn -B -Pbench test}; writes {@code BENCHMARKS.md}. Nothing here asserts a
 * speed: the numbers are for reading.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayBenchmark {

    private static final String KEY = "bench-key";
    private static final int CONSUMERS = 3;
    private static final int COMMANDS = Integer.getInteger("bench.commands", 3000);
    private static final int LATENCY_SAMPLES = 300;
    private static final int MAILS = Integer.getInteger("bench.mails", 200);
    private static final int BIG_MAILS = 10;
    /** What a create costs a real osTicket (PHP, MySQL, mail queue): tens of milliseconds. */
    private static final Duration OSTICKET_SERVICE_TIME = Duration.ofMillis(25);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    @TempDir
    static Path dir;

    private static final BenchmarkTable TABLE = new BenchmarkTable();
    private static final List<String> STARTS = new ArrayList<>();
    private static final Map<String, Long> RESIDENT = new LinkedHashMap<>();
    private static double gatewayCommandRate;
    private static double gatewayMailRate;

    @AfterAll
    static void write() throws IOException {
        TABLE.section("Start-up and memory", "The gateway as its own process (`java "
                + String.join(" ", GatewayProcess.JVM_OPTIONS) + "`, the README's options, and the product's logging), "
                + "from `java` to Camel's \"started\" line; resident memory (VmRSS) as the kernel counts it.",
                "measure", "value");
        STARTS.forEach(s -> TABLE.row("start-up to ready", s));
        RESIDENT.forEach((what, mib) -> TABLE.row("resident memory, " + what, mib + " MiB"));
        TABLE.write(Path.of("BENCHMARKS.md"));
    }

    private static GatewayProcess gateway(String name, Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(settings);
        env.put("LOG_LEVEL", "WARN");
        env.put("MANAGEMENT_PORT", String.valueOf(GatewayTestRun.freePort()));
        env.put("GATEWAY_DATA_DIR", dir.resolve(name).toString());
        GatewayProcess gateway = new GatewayProcess(env, "log4j2.properties", dir.resolve(name + ".log"));
        Duration start = gateway.start();
        STARTS.add(String.format("%.1f s (%s)", start.toMillis() / 1000.0, name));
        return gateway;
    }

    /** Samples the process's resident memory while {@code work} runs; returns the highest. */
    private static long peakResident(GatewayProcess gateway, Work work) throws Exception {
        AtomicLong peak = new AtomicLong(gateway.residentMiB());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                peak.accumulateAndGet(gateway.residentMiB(), Math::max);
            } catch (IOException e) {
                // The process is gone: the last sample stands.
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            sampler.shutdownNow();
        }
        return peak.get();
    }

    /** Work that may throw. */
    interface Work {
        void run() throws Exception;
    }

    @Test
    @Order(1)
    void commandsAgainstAPlainHttpClient() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), false);
             KafkaProducer<String, byte[]> producer = kafka.producer();
             KafkaConsumer<String, byte[]> results = kafka.consumer(Commands.RESULTS);
             PlainHttpClient plain = new PlainHttpClient(sandbox.url(), KEY)) {
            kafka.createTopics(CONSUMERS, Commands.TOPIC);
            kafka.createTopics(1, Commands.RESULTS, Commands.DLQ);
            GatewayProcess gateway = gateway("commands", Map.of("OSTICKET_URL", sandbox.url(), "OSTICKET_API_KEY", KEY,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "COMMANDS_ENABLED", "true",
                    "COMMANDS_CONSUMERS", String.valueOf(CONSUMERS)));
            // Warm both paths up (JIT, connections, the consumer group) before measuring.
            throughput(gateway, producer, results, plain, "warm", 300, null);
            RESIDENT.put("idle, commands flow on", gateway.residentMiB());

            double[] full = throughput(gateway, producer, results, plain, "run", COMMANDS, "under load, "
                    + COMMANDS + " commands");
            gatewayCommandRate = full[0];
            sandbox.serviceTime(OSTICKET_SERVICE_TIME);
            double[] realistic = throughput(gateway, producer, results, plain, "slow", COMMANDS / 5, null);
            sandbox.serviceTime(Duration.ZERO);

            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            KafkaBroker.drain(results, seen);
            List<Double> gatewayLatency = new ArrayList<>();
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long start = System.nanoTime();
                int before = seen.size();
                producer.send(create("latency-" + i)).get();
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> KafkaBroker.drain(results, seen).size() > before);
                gatewayLatency.add((System.nanoTime() - start) / 1e6);
            }
            List<Double> plainLatency = new ArrayList<>();
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long start = System.nanoTime();
                plain.createJson(json("plain-latency-" + i));
                plainLatency.add((System.nanoTime() - start) / 1e6);
            }
            gateway.kill();

            TABLE.section("Commands: Kafka → gateway → sandbox", String.format("%,d ticket creates through the gateway "
                    + "(%d consumers, %d partitions) against the same %,d creates posted by a plain pooled HTTP client "
                    + "(Apache HttpClient 5) on %d threads, to the same sandbox; then a fifth as many with the sandbox "
                    + "taking as long as a real osTicket does. Latency: one command at a time, from "
                    + "sending it to Kafka to reading its result from Kafka, %d samples; the plain client's is one "
                    + "HTTP call. Goal: at least 0.9 of the ceiling; added p99 under 5 ms.", COMMANDS, CONSUMERS,
                    CONSUMERS, COMMANDS, CONSUMERS, LATENCY_SAMPLES), "measure", "gateway", "plain client", "ratio / added");
            TABLE.row("creates per second, the sandbox at full speed", BenchmarkTable.rate(full[0]),
                    BenchmarkTable.rate(full[1]), BenchmarkTable.ratio(full[0] / full[1]));
            TABLE.row("creates per second, the sandbox taking " + OSTICKET_SERVICE_TIME.toMillis() + " ms a call",
                    BenchmarkTable.rate(realistic[0]), BenchmarkTable.rate(realistic[1]),
                    BenchmarkTable.ratio(realistic[0] / realistic[1]));
            for (double p : new double[] {50, 99}) {
                double g = BenchmarkTable.percentile(gatewayLatency, p);
                double c = BenchmarkTable.percentile(plainLatency, p);
                TABLE.row("latency p" + (int) p, BenchmarkTable.ms(g), BenchmarkTable.ms(c), "+" + BenchmarkTable.ms(g - c));
            }
        }
    }

    /**
     * The same {@code count} creates through the gateway and through the plain client; returns both
     * rates. With {@code load} set, the gateway's peak resident memory is kept under that name.
     */
    private static double[] throughput(GatewayProcess gateway, KafkaProducer<String, byte[]> producer,
                                       KafkaConsumer<String, byte[]> results, PlainHttpClient plain, String prefix,
                                       int count, String load) throws Exception {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long[] gatewayNanos = new long[1];
        long peak = peakResident(gateway, () -> {
            long start = System.nanoTime();
            sendCommands(producer, prefix, count);
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> KafkaBroker.drain(results, seen).size() >= count);
            gatewayNanos[0] = System.nanoTime() - start;
        });
        if (load != null) {
            RESIDENT.put(load, peak);
        }
        long plainNanos = plainCreates(plain, "plain-" + prefix, count, CONSUMERS);
        return new double[] {count / (gatewayNanos[0] / 1e9), count / (plainNanos / 1e9)};
    }

    private static void sendCommands(KafkaProducer<String, byte[]> producer, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(create(prefix + "-" + i));
        }
        producer.flush();
    }

    private static ProducerRecord<String, byte[]> create(String id) {
        return Commands.structured(id, id, "osticket.ticket.create", json(id));
    }

    private static String json(String id) {
        return "{\"name\":\"Bench\",\"email\":\"bench@example.com\",\"subject\":\"Bench " + id
                + "\",\"message\":\"A benchmark ticket.\"}";
    }

    /** {@code count} creates on {@code threads} threads; returns the nanoseconds it took. */
    private static long plainCreates(PlainHttpClient plain, String prefix, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += threads) {
                        plain.createJson(json(prefix + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @Order(2)
    void mailAgainstAPlainJavaMailLoop() throws Exception {
        GreenMailUser viaGateway = MAIL.setUser("gateway@example.com", "gateway", "pw");
        GreenMailUser viaPlain = MAIL.setUser("plain@example.com", "plain", "pw");
        for (int i = 0; i < MAILS; i++) {
            viaGateway.deliver(mail("gw", i));
            viaPlain.deliver(mail("plain", i));
        }
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), false);
             PlainHttpClient plain = new PlainHttpClient(sandbox.url(), KEY)) {
            GatewayProcess gateway = gateway("mail", Map.ofEntries(Map.entry("OSTICKET_URL", sandbox.url()),
                    Map.entry("OSTICKET_API_KEY", KEY), Map.entry("MAIL_MAILBOXES", "bench"),
                    Map.entry("MAIL_BENCH_PROTOCOL", "imap"), Map.entry("MAIL_BENCH_HOST", "127.0.0.1"),
                    Map.entry("MAIL_BENCH_PORT", String.valueOf(MAIL.getImap().getPort())),
                    Map.entry("MAIL_BENCH_USERNAME", "gateway"), Map.entry("MAIL_BENCH_PASSWORD", "pw"),
                    Map.entry("MAIL_BENCH_POLL_DELAY", "50"), Map.entry("MAIL_BENCH_START", "all"), Map.entry("MAIL_MAX_TICKETS_PER_SENDER_PER_HOUR", "100000")));
            MailFolder inbox = MAIL.getManagers().getImapHostManager().getInbox(viaGateway);
            long[] gatewayNanos = new long[1];
            long start = System.nanoTime();
            long peak = peakResident(gateway, () -> {
                await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(20))
                        .until(() -> sandbox.ticketCount() >= MAILS && inbox.getMessageCount() == 0);
                gatewayNanos[0] = System.nanoTime() - start;
            });
            RESIDENT.put("under load, " + MAILS + " mails", peak);

            long plainStart = System.nanoTime();
            PlainMailLoop.run(MAIL.getImap().getPort(), "plain", "pw", plain, MAILS);
            long plainNanos = System.nanoTime() - plainStart;
            gatewayMailRate = MAILS / (gatewayNanos[0] / 1e9);
            double plainRate = MAILS / (plainNanos / 1e9);

            long heapBefore = heapAfterGc(gateway);
            int tickets = sandbox.ticketCount();
            for (int i = 0; i < BIG_MAILS; i++) {
                viaGateway.deliver(MailCorpus.withAttachment("<big-" + i + "@bench>", "big" + i + "@example.org",
                        "Big " + i, "dump.bin", 10 * 1024 * 1024));
            }
            long[] heapPeak = {heapBefore};
            peakResident(gateway, () -> {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    heapPeak[0] = Math.max(heapPeak[0], heapUsed(gateway));
                    return sandbox.ticketCount() >= tickets + BIG_MAILS && inbox.getMessageCount() == 0;
                });
            });
            long heapAfter = heapAfterGc(gateway);
            gateway.kill();

            TABLE.section("Mail: IMAP → gateway → sandbox", String.format("%d mails (every 10th with a 1 MB attachment) "
                    + "from GreenMail over IMAP to tickets, against a plain JavaMail loop doing the same work (fetch "
                    + "unseen, post the ticket with its file, move to the archive) on its own copy of the mails. Then %d "
                    + "mails with a 10 MB attachment each: the gateway's heap after a full GC, before and after. Goal: "
                    + "at least 0.9; heap flat.", MAILS, BIG_MAILS), "measure", "gateway", "plain loop", "ratio");
            TABLE.row("mails per second", BenchmarkTable.rate(gatewayMailRate), BenchmarkTable.rate(plainRate),
                    BenchmarkTable.ratio(gatewayMailRate / plainRate));
            TABLE.row("heap after GC before → after " + BIG_MAILS + " × 10 MB", heapBefore + " → " + heapAfter + " MiB",
                    "", "peak while working " + heapPeak[0] + " MiB");
        }
    }

    private static MimeMessage mail(String prefix, int i) throws Exception {
        String id = "<" + prefix + "-" + i + "@bench>";
        return i % 10 == 0
                ? MailCorpus.withAttachment(id, "sender" + i + "@example.org", "Mail " + i, "file.bin", 1024 * 1024)
                : MailCorpus.plain(id, "sender" + i + "@example.org", "Mail " + i, "Mail number " + i);
    }

    /** Heap in use (MiB) after a full collection, from the JDK's own tools. */
    private static long heapAfterGc(GatewayProcess gateway) throws Exception {
        jdkTool("jcmd", String.valueOf(gateway.pid()), "GC.run");
        return heapUsed(gateway);
    }

    private static long heapUsed(GatewayProcess gateway) throws Exception {
        String[] lines = jdkTool("jstat", "-gc", String.valueOf(gateway.pid())).strip().split("\n");
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        double kib = 0;
        for (int i = 0; i < names.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                kib += Double.parseDouble(values[i]);
            }
        }
        return Math.round(kib / 1024);
    }

    private static String jdkTool(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        Collections.addAll(command, args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    @Test
    @Order(3)
    void eventPollsAgainstTheNumberOfTickets() throws Exception {
        TABLE.section("Events: one poll", "The change detector (the events flow's poller) against the sandbox holding "
                + "1,000 / 10,000 / 100,000 tickets, after its first poll: API calls and wall time of one poll with 0, "
                + "10 and 1,000 tickets changed since the last (median of 5 for 0 changes). Goal: a poll with no "
                + "change costs the same at 100,000 as at 1,000.", "tickets", "changes", "API calls", "time");
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), false);
                 OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), KEY))) {
                sandbox.addTickets(size, "Bulk");
                Map<String, String> view = new ConcurrentHashMap<>();
                FileStateRepository state = new FileStateRepository(dir.resolve("events-" + size + ".dat").toFile(), view);
                state.start();
                ChangeDetector detector = new ChangeDetector(client, state, view, Clock.systemUTC(),
                        Duration.ofSeconds(2), Instant.now().minus(Duration.ofHours(1)).toString());
                List<TicketEvent> events = new ArrayList<>();
                detector.poll(events::add);
                List<Double> idle = new ArrayList<>();
                int calls = 0;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    calls = detector.poll(events::add);
                    idle.add((System.nanoTime() - start) / 1e6);
                }
                TABLE.row(String.format("%,d", size), 0, calls, BenchmarkTable.ms(BenchmarkTable.percentile(idle, 50)));
                for (int changes : new int[] {10, 1000}) {
                    client.searchAll(SearchQuery.all().withQuery("Bulk")).limit(changes).forEach(t ->
                            client.updateTicket(TicketRef.ofNumber(t.number()), TicketUpdate.none().withNote("changed")));
                    long start = System.nanoTime();
                    int used = detector.poll(events::add);
                    TABLE.row(String.format("%,d", size), String.format("%,d", changes), used,
                            BenchmarkTable.ms((System.nanoTime() - start) / 1e6));
                }
                state.stop();
            }
        }
    }

    @Test
    @Order(4)
    void theSandboxItself() throws Exception {
        TABLE.section("The sandbox itself", "Ticket creates per second the sandbox answers to the plain client, for "
                + "3,000 creates at each concurrency: it must stay well above the gateway's rates above.",
                "threads", "creates per second", "× the gateway's command rate", "× its mail rate");
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), false);
             PlainHttpClient plain = new PlainHttpClient(sandbox.url(), KEY)) {
            plainCreates(plain, "warm", 1000, 4);
            for (int threads : new int[] {1, 3, 16}) {
                double rate = 3000 / (plainCreates(plain, "t" + threads, 3000, threads) / 1e9);
                TABLE.row(threads, BenchmarkTable.rate(rate),
                        gatewayCommandRate > 0 ? BenchmarkTable.ratio(rate / gatewayCommandRate) : "—",
                        gatewayMailRate > 0 ? BenchmarkTable.ratio(rate / gatewayMailRate) : "—");
            }
        }
    }
}
