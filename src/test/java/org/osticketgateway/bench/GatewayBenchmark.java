package org.osticketgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
import org.osticketgateway.events.FirstReadPace;
import org.osticketgateway.events.TicketEvent;
import org.osticketgateway.lab.LabEnvironment;
import org.osticketgateway.mail.MailCorpus;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;
import org.osticketgateway.sandbox.TimingProfile;

/**
 * How fast the gateway is against the limit set by what it talks to, measured side by side: run on
 * demand with {@code mvn -B -Pbench test}; writes {@code BENCHMARKS.md}. Nothing here asserts a
 * speed: the numbers are for reading.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayBenchmark {

    private static final String KEY = "bench-key";
    private static final int CONSUMERS = 3;
    private static final int PARTITIONS = 3;
    /** The gateway's default {@code commands.max-in-flight}; the plain client runs as many threads. */
    private static final int IN_FLIGHT = 8;
    private static final int COMMANDS = Integer.getInteger("bench.commands", 3000);
    private static final int LATENCY_SAMPLES = 300;
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final int JAR_STARTS = 3;
    private static final int MAILS = Integer.getInteger("bench.mails", 200);
    private static final int BIG_MAILS = 10;

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
        if (RESIDENT.isEmpty()) {
            // A benchmark run alone that measured no memory (the lab's, the clusters') keeps the last section.
            TABLE.write(Path.of("BENCHMARKS.md"));
            return;
        }
        TABLE.section("Start-up and memory", "The gateway as its own process (`java "
                + String.join(" ", GatewayProcess.JVM_OPTIONS) + "`, the README's options, and the product's logging), "
                + "from `java` to Camel's \"started\" line; resident memory (VmRSS) as the kernel counts it. "
                + "As the README runs it: `java -jar` with the class-data archive `mvn package` made (median of "
                + JAR_STARTS + " starts, each flow's own configuration), and without it; the other flows' "
                + "processes start from the tests' classpath, which the archive does not fit.", "measure", "value");
        STARTS.forEach(s -> TABLE.row("start-up to ready", s));
        RESIDENT.forEach((what, mib) -> TABLE.row("resident memory, " + what, mib + " MiB"));
        TABLE.write(Path.of("BENCHMARKS.md"));
    }

    /** A gateway process on {@code settings}, not started. */
    private static GatewayProcess process(String name, Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(settings);
        env.put("LOG_LEVEL", "WARN");
        env.putIfAbsent("MANAGEMENT_PORT", String.valueOf(GatewayTestRun.freePort()));
        env.put("GATEWAY_DATA_DIR", dir.resolve(name).toString());
        return new GatewayProcess(env, "log4j2.properties", dir.resolve(name + ".log"));
    }

    /** A gateway process started, its start-up time kept for the table. */
    private static GatewayProcess gateway(String name, Map<String, String> settings) throws IOException {
        GatewayProcess gateway = process(name, settings);
        Duration start = gateway.start();
        STARTS.add(String.format("%.1f s (%s, tests' classpath)", start.toMillis() / 1000.0, name));
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
    @Order(0)
    void startUpFromTheJarWithAndWithoutTheClassDataArchive() throws Exception {
        Path jar = Path.of("target", "osticket-gateway.jar");
        assertThat(jar.resolveSibling("osticket-gateway.jsa")).as("the jar and its class-data archive: run "
                + "mvn -B -q package -DskipTests before the benchmarks").exists();
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY), false)) {
            Map<String, String> commands = Map.of("OSTICKET_URL", sandbox.url(), "OSTICKET_API_KEY", KEY,
                    "COMMANDS_ENABLED", "true", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
            for (boolean archive : new boolean[] {true, false}) {
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < JAR_STARTS; i++) {
                    Map<String, String> env = new HashMap<>(commands);
                    env.put("LOG_LEVEL", "WARN");
                    env.put("MANAGEMENT_PORT", String.valueOf(GatewayTestRun.freePort()));
                    env.put("GATEWAY_DATA_DIR", dir.resolve("jar-" + archive + i).toString());
                    Path log = dir.resolve("jar-" + archive + i + ".log");
                    GatewayProcess gateway = archive ? GatewayProcess.ofJar(jar, env, log)
                            : GatewayProcess.ofJarWithoutClassData(jar, env, log);
                    millis.add(gateway.start().toMillis());
                    gateway.kill();
                }
                Collections.sort(millis);
                STARTS.add(String.format("%.1f s (commands, java -jar, %s the class-data archive)",
                        millis.get(JAR_STARTS / 2) / 1000.0, archive ? "with" : "without"));
            }
        }
    }

    @Test
    @Order(1)
    void commandsAgainstAPlainHttpClient() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin(KEY).patched(), false);
             KafkaProducer<String, byte[]> producer = kafka.producer();
             KafkaConsumer<String, byte[]> results = kafka.consumer(Commands.RESULTS);
             PlainHttpClient plain = new PlainHttpClient(sandbox.url(), KEY)) {
            kafka.createTopics(PARTITIONS, Commands.TOPIC);
            kafka.createTopics(1, Commands.RESULTS, Commands.DLQ);
            int metricsPort = GatewayTestRun.freePort();
            GatewayProcess gateway = gateway("commands", Map.of("OSTICKET_URL", sandbox.url(), "OSTICKET_API_KEY", KEY,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "COMMANDS_ENABLED", "true",
                    "MANAGEMENT_PORT", String.valueOf(metricsPort)));
            CommandBench bench = new CommandBench(producer, results, plain, metricsPort);
            // Warm both paths up (JIT, connections, the consumer group) before measuring.
            bench.gatewayCreates("warm", 300);
            CommandBench.plainCreates(plain, "plain-warm", 300, IN_FLIGHT);
            RESIDENT.put("idle, commands flow on", gateway.residentMiB());

            long[] gatewayNanos = new long[1];
            long peak = peakResident(gateway, () -> gatewayNanos[0] = bench.gatewayCreates("run", COMMANDS));
            RESIDENT.put("under load, " + COMMANDS + " commands", peak);
            gatewayCommandRate = COMMANDS / (gatewayNanos[0] / 1e9);
            double fullPlain = COMMANDS / (CommandBench.plainCreates(plain, "plain-run", COMMANDS, IN_FLIGHT) / 1e9);

            List<Double> gatewayLatency = bench.gatewayLatency("latency", LATENCY_SAMPLES);
            List<Double> plainLatency = bench.plainLatency("plain-latency", LATENCY_SAMPLES);
            List<Double> bridgeLatency;
            try (PlainKafkaBridge bridge = new PlainKafkaBridge(kafka, plain);
                 KafkaConsumer<String, byte[]> bridged = kafka.consumer(PlainKafkaBridge.RESULTS)) {
                bench.bridgeLatency(bridged, "bridge-warm", LATENCY_SAMPLES / 3);
                bridgeLatency = bench.bridgeLatency(bridged, "bridge", LATENCY_SAMPLES);
            }
            long idleFrom = gateway.cpuTicks();
            // A window to measure over, not a wait for something to happen.
            Thread.sleep(IDLE.toMillis());
            double idleCpu = (gateway.cpuTicks() - idleFrom) / (IDLE.toMillis() / 10.0);
            Map<String, Double> calls = bench.callsPerCommandType(40);

            // The realistic profile: the sandbox as slow as a real osTicket 1.18.1 (TimingProfile): the plain
            // client at 1 to 16 calls in flight, whose best is the server's own maximum, and the gateway.
            sandbox.timing(TimingProfile.realistic());
            int slow = Math.max(200, COMMANDS / 10);
            Map<Integer, Double> realisticPlain = new LinkedHashMap<>();
            for (int inFlight : new int[] {1, 3, 6, IN_FLIGHT, 16}) {
                int count = Math.min(slow, 40 * inFlight);
                realisticPlain.put(inFlight, count / (CommandBench.plainCreates(plain, "plain-real-" + inFlight, count,
                        inFlight) / 1e9));
            }
            double realisticGateway = slow / (bench.gatewayCreates("real", slow) / 1e9);
            double serverMaximum = Collections.max(realisticPlain.values());
            sandbox.timing(TimingProfile.none());
            gateway.kill();

            TABLE.section("Commands: Kafka → gateway → sandbox", String.format("Ticket creates through the gateway "
                    + "with its default settings (%d consumers, %d partitions, `commands.max-in-flight` %d) against the "
                    + "same creates posted by a plain pooled HTTP client (Apache HttpClient 5) on %d threads — the same "
                    + "calls in flight — to the same sandbox, speaking the plugin v2.3.4 (a create answers the bare "
                    + "number; its subticket crash patched), %,d at full speed. Latency: one command at a time, from "
                    + "sending it to Kafka to reading its result from Kafka, %d samples; the plain client's is one HTTP "
                    + "call; the plain Kafka bridge's is the same trip through the shortest loop that does the work "
                    + "(poll, post the create with the plain client, write a result, commit synchronously; one record "
                    + "at a time, own topics). Idle CPU: the gateway's process over %d s with nothing to do, as a "
                    + "share of one core (its consumers poll every `commands.batch-wait`). Goals: at least 0.95 of the "
                    + "plain client; added p99 at most 5 ms.", CONSUMERS, PARTITIONS, IN_FLIGHT, IN_FLIGHT, COMMANDS,
                    LATENCY_SAMPLES, IDLE.toSeconds()), "measure", "gateway", "plain client", "ratio / added");
            TABLE.row("creates per second, full speed", BenchmarkTable.rate(gatewayCommandRate),
                    BenchmarkTable.rate(fullPlain), BenchmarkTable.ratio(gatewayCommandRate / fullPlain));
            for (double p : new double[] {50, 99}) {
                double g = BenchmarkTable.percentile(gatewayLatency, p);
                double c = BenchmarkTable.percentile(plainLatency, p);
                TABLE.row("latency p" + (int) p + ", full speed, one at a time", BenchmarkTable.ms(g),
                        BenchmarkTable.ms(c), "+" + BenchmarkTable.ms(g - c));
            }
            for (double p : new double[] {50, 99}) {
                double g = BenchmarkTable.percentile(gatewayLatency, p);
                double b = BenchmarkTable.percentile(bridgeLatency, p);
                TABLE.row("latency p" + (int) p + " against the plain Kafka bridge", BenchmarkTable.ms(g),
                        BenchmarkTable.ms(b), (g >= b ? "+" : "−") + BenchmarkTable.ms(Math.abs(g - b)));
            }
            TABLE.row("CPU while idle, commands flow on", String.format("%.1f%% of a core", idleCpu), "", "");
            TABLE.section("Commands: the realistic profile", String.format("The sandbox as slow as a real osTicket "
                    + "(`TimingProfile.realistic()`: %s). A plain pooled HTTP client posts creates at 1 to 16 calls "
                    + "in flight; its best is the server's own maximum. The gateway, with its default settings, "
                    + "applies %d creates from Kafka. Goals: at least 0.95 of the plain client at the same calls in "
                    + "flight (%d), at least 0.9 of the server's maximum.", TimingProfile.realistic().source(), slow,
                    IN_FLIGHT), "measure", "creates per second", "gateway's ratio");
            realisticPlain.forEach((inFlight, rate) -> TABLE.row("plain client, " + inFlight + " in flight",
                    BenchmarkTable.rate(rate), BenchmarkTable.ratio(realisticGateway / rate)));
            TABLE.row("server's maximum (the plain client's best)", BenchmarkTable.rate(serverMaximum),
                    BenchmarkTable.ratio(realisticGateway / serverMaximum));
            TABLE.row("gateway, default settings", BenchmarkTable.rate(realisticGateway), "");
            TABLE.section("Commands: API calls per command type", "Calls the gateway made to osTicket per command "
                    + "(its `osticket_api_calls_seconds_count` before and after 40 commands of each type, the sandbox "
                    + "speaking the plugin v2.3.4). Goal: 1 per create.", "command", "API calls each");
            calls.forEach((type, each) -> TABLE.row(type, String.format("%.2f", each)));
        }
    }

    @Test
    @Order(5)
    void commandsWithOneTwoAndThreeGateways() throws Exception {
        int partitions = 3 * CONSUMERS;
        int count = COMMANDS / 5;
        try (KafkaBroker kafka = KafkaBroker.start();
             SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey(KEY), false);
             KafkaProducer<String, byte[]> producer = kafka.producer();
             KafkaConsumer<String, byte[]> results = kafka.consumer(Commands.RESULTS)) {
            kafka.createTopics(partitions, Commands.TOPIC);
            kafka.createTopics(1, Commands.RESULTS, Commands.DLQ);
            sandbox.timing(TimingProfile.realistic());
            // Only gateway creates are measured here: no plain client, no metrics read.
            CommandBench bench = new CommandBench(producer, results, null, 0);
            List<GatewayProcess> gateways = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                GatewayProcess gateway = process("cluster-" + n, Map.of("OSTICKET_URL", sandbox.url(), "OSTICKET_API_KEY", KEY,
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "COMMANDS_ENABLED", "true",
                        "COMMANDS_CONSUMERS", String.valueOf(CONSUMERS), "CLUSTER_SERVICE", "file",
                        "CLUSTER_FILE_ROOT", dir.resolve("cluster").toString()));
                gateway.start();
                gateways.add(gateway);
                // The group takes the new gateway in (a rebalance) while this batch runs; then it is measured.
                bench.gatewayCreates("warm-" + n, count / 2);
                rates.add(count / (bench.gatewayCreates("cluster-" + n, count) / 1e9));
            }
            for (GatewayProcess gateway : gateways) {
                gateway.kill();
            }
            TABLE.section("Commands: 1, 2 and 3 gateways", String.format("%,d ticket creates per row through gateways "
                    + "clustered with `cluster.service=file` (the command ledger in Kafka, as when clustered), %d "
                    + "consumers each, on %d partitions, against the sandbox answering as the real osTicket measured on "
                    + "the lab does (`TimingProfile.realistic()`: its time per call, %d cores, %d PHP workers). A "
                    + "gateway joining is warmed up with half as many first. Goal: more gateways, more commands, until "
                    + "osTicket itself is the limit.", count, CONSUMERS, partitions, TimingProfile.realistic().cores(),
                    TimingProfile.realistic().workers()), "gateways", "creates per second", "against one");
            for (int n = 1; n <= 3; n++) {
                TABLE.row(String.valueOf(n), BenchmarkTable.rate(rates.get(n - 1)),
                        BenchmarkTable.ratio(rates.get(n - 1) / rates.get(0)));
            }
        }
    }

    /**
     * The commands benchmark against a real osTicket (a lab's {@code lab.env} named by
     * {@code -Dbench.lab.env}; skipped without it): the plain client at 1, 3, 6 and 8 calls in flight,
     * whose best is the server's own maximum here, and the gateway with its default settings. A few
     * hundred creates in all: the lab is shared.
     */
    @Test
    @Order(1)
    void commandsAgainstTheLab() throws Exception {
        String labEnv = System.getProperty("bench.lab.env");
        Assumptions.assumeTrue(labEnv != null && !labEnv.isBlank(), "no -Dbench.lab.env");
        LabEnvironment lab = LabEnvironment.read(Path.of(labEnv));
        String url = lab.apiUrl();
        String key = lab.apiKey();
        int creates = Integer.getInteger("bench.lab.commands", 150);
        try (KafkaBroker kafka = KafkaBroker.start();
             KafkaProducer<String, byte[]> producer = kafka.producer();
             KafkaConsumer<String, byte[]> results = kafka.consumer(Commands.RESULTS);
             PlainHttpClient plain = new PlainHttpClient(url, key)) {
            kafka.createTopics(PARTITIONS, Commands.TOPIC);
            kafka.createTopics(1, Commands.RESULTS, Commands.DLQ);
            int metricsPort = GatewayTestRun.freePort();
            GatewayProcess gateway = gateway("commands-lab", Map.of("OSTICKET_URL", url, "OSTICKET_API_KEY", key,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "COMMANDS_ENABLED", "true",
                    "MANAGEMENT_PORT", String.valueOf(metricsPort)));
            CommandBench bench = new CommandBench(producer, results, plain, metricsPort);
            bench.gatewayCreates("lab-warm", 10);
            CommandBench.plainCreates(plain, "lab-plain-warm", 10, 1);
            Map<Integer, Double> plainRates = new LinkedHashMap<>();
            for (int inFlight : new int[] {1, 3, 6, IN_FLIGHT}) {
                int count = inFlight == 1 ? 20 : 40;
                plainRates.put(inFlight, count / (CommandBench.plainCreates(plain, "lab-plain-" + inFlight, count, inFlight) / 1e9));
            }
            double before = bench.apiCalls();
            double rate = creates / (bench.gatewayCreates("lab-run", creates) / 1e9);
            double callsEach = (bench.apiCalls() - before) / creates;
            gateway.kill();

            double maximum = Collections.max(plainRates.values());
            TABLE.section("Commands against a real osTicket", String.format("%s (`%s`), on this machine: %d ticket "
                    + "creates through the gateway with its default settings (%d consumers, %d partitions, "
                    + "`commands.max-in-flight` %d) against a plain pooled HTTP client posting creates at 1, 3, 6 and "
                    + "%d calls in flight; its best is the server's own maximum. Goals: at least 0.95 of the plain "
                    + "client at the same calls in flight, at least 0.9 of the server's maximum.",
                    System.getProperty("bench.lab.server", "osTicket 1.18.1 with the API Endpoints plugin v2.3.4"),
                    url, creates, CONSUMERS, PARTITIONS, IN_FLIGHT, IN_FLIGHT), "measure", "value", "ratio");
            plainRates.forEach((inFlight, plainRate) -> TABLE.row("plain client, " + inFlight + " in flight",
                    BenchmarkTable.rate(plainRate), ""));
            TABLE.row("gateway, default settings", BenchmarkTable.rate(rate),
                    BenchmarkTable.ratio(rate / plainRates.get(IN_FLIGHT)) + " of the plain client at " + IN_FLIGHT
                            + "; " + BenchmarkTable.ratio(rate / maximum) + " of the server's maximum");
            TABLE.row("API calls per create", String.format("%.2f", callsEach), "");
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
                        Duration.ofSeconds(2), Instant.now().minus(Duration.ofHours(1)).toString(),
                        FirstReadPace.unpaced());
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
            CommandBench.plainCreates(plain, "warm", 1000, 4);
            for (int threads : new int[] {1, 3, 16}) {
                double rate = 3000 / (CommandBench.plainCreates(plain, "t" + threads, 3000, threads) / 1e9);
                TABLE.row(threads, BenchmarkTable.rate(rate),
                        gatewayCommandRate > 0 ? BenchmarkTable.ratio(rate / gatewayCommandRate) : "—",
                        gatewayMailRate > 0 ? BenchmarkTable.ratio(rate / gatewayMailRate) : "—");
            }
        }
    }
}
