package org.osticketgateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.GatewayProcess;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.KafkaProcess;
import org.osticketgateway.command.Commands;
import org.osticketgateway.mail.MailCorpus;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * The gateway as its own process, fed a mixed stream of mail and commands, killed with SIGKILL at
 * random moments, with osTicket gone for 30 s and the Kafka broker restarted; then fed malformed
 * commands and mails; then searched for its secrets. Counted, asserted, and written to
 * {@code target/reliability/RELIABILITY.md}. The random moments come from a seed that is printed
 * in the table ({@code -Dreliability.seed=N} repeats a run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ReliabilitySuiteTest {

    private static final String API_KEY = "api-" + UUID.randomUUID();
    private static final String MAIL_PASSWORD = "mail-" + UUID.randomUUID();
    private static final String WEBHOOK_SECRET = "T0/B0/" + UUID.randomUUID();
    private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

    private static final int OWNERS = 10;
    private static final int TICKS = 75;
    private static final int MAILS_PER_TICK = 2;
    private static final int COMMANDS_PER_TICK = 8;
    private static final int NEW_MAILS = TICKS * MAILS_PER_TICK;
    private static final int REPLIES = 30;
    private static final int COMMANDS = TICKS * COMMANDS_PER_TICK;
    private static final int KILLS = 6;

    private static final int MALFORMED_COMMANDS = 1000;
    private static final int MALFORMED_MAILS = 200;
    private static final int VALID_COMMANDS = 100;
    private static final int VALID_MAILS = 20;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    @TempDir
    static Path dir;

    private static final ReliabilityReport REPORT = new ReliabilityReport("one-gateway", "## One gateway\n\n"
            + "`ReliabilitySuiteTest`. Real parts over loopback: the gateway as its own process (killed with SIGKILL), "
            + "the osTicket sandbox over HTTP, GreenMail over IMAP, a Kafka 3.9.1 broker as its own process "
            + "(restarted), a local HTTP server as Slack.");
    private static final Random RANDOM = new Random(SEED);
    private static final List<ConsumerRecord<String, byte[]>> RESULTS = new ArrayList<>();
    private static final List<ConsumerRecord<String, byte[]>> DEAD = new ArrayList<>();
    private static final AtomicInteger SLACK_CALLS = new AtomicInteger();

    private static SandboxServer sandbox;
    private static OsTicketClient client;
    private static KafkaProcess kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> results;
    private static KafkaConsumer<String, byte[]> deadLetters;
    private static HttpServer slack;
    private static GreenMailUser support;
    private static GatewayProcess gateway;
    private static int managementPort;

    @BeforeAll
    static void startTheWorld() throws Exception {
        // A SIGKILL can cut the gateway's IMAP session mid-command and GreenMail's handler thread then throws:
        // that is the kill at work, not a failure, so Awaitility must not fail the waiting test for it.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        REPORT.note("Seed " + SEED + " (`-Dreliability.seed=" + SEED + "` repeats the kill moments).");
        sandbox = SandboxServer.start(0, SandboxOptions.withKey(API_KEY), false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), API_KEY));
        Files.createDirectories(dir.resolve("kafka"));
        kafka = KafkaProcess.start(dir.resolve("kafka"));
        kafka.createTopics(3, Commands.TOPIC);
        kafka.createTopics(1, Commands.RESULTS, Commands.DLQ, "osticket.events");
        producer = kafka.producer();
        results = kafka.consumer(Commands.RESULTS);
        deadLetters = kafka.consumer(Commands.DLQ);
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/services/" + WEBHOOK_SECRET, exchange -> {
            exchange.getRequestBody().readAllBytes();
            // The first call fails, so that the gateway's retry and failure paths run with the URL at hand.
            exchange.sendResponseHeaders(SLACK_CALLS.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        slack.start();
        support = MAIL.setUser("support@example.com", "support", MAIL_PASSWORD);
        managementPort = GatewayTestRun.freePort();
        Map<String, String> env = SuiteGateway.environment(sandbox.url(), API_KEY, MAIL.getImap().getPort(), MAIL_PASSWORD,
                kafka.bootstrapServers());
        env.put("MAIL_SUPPORT_POLL_DELAY", "200");
        env.put("EVENTS_POLL_DELAY", "2000");
        env.put("REPORT_RETRY_DELAY", "100");
        env.put("SLACK_WEBHOOK_URL", webhookUrl());
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("GATEWAY_DATA_DIR", dir.resolve("data").toString());
        gateway = new GatewayProcess(env, "log4j2-gateway-process.properties", dir.resolve("gateway.log"));
        gateway.start();
    }

    @AfterAll
    static void stopTheWorld() throws Exception {
        Awaitility.reset();
        Path out = Path.of("target", "reliability");
        REPORT.write(out);
        // The gateway's and the broker's own logs, kept where CI keeps its reports, to read after a failure.
        Files.copy(dir.resolve("gateway.log"), out.resolve("gateway.log"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("kafka").resolve("kafka.log"), out.resolve("kafka.log"), StandardCopyOption.REPLACE_EXISTING);
        if (gateway != null) {
            gateway.kill();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {producer, results, deadLetters, kafka, client, sandbox}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (slack != null) {
            slack.stop(0);
        }
    }

    @Test
    @Order(1)
    void killedRepeatedlyWithOsTicketAndKafkaGoneItLosesAndDuplicatesNothing() throws Exception {
        List<String> owned = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            owned.add(client.createTicket(NewTicket.of("Owner " + i, "owner" + i + "@example.org", "Owned " + i,
                    "First message")).number());
        }
        int expectedTickets = OWNERS + NEW_MAILS + COMMANDS;
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger replies = new AtomicInteger();
        ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
        stream.scheduleAtFixedRate(() -> {
            int t = ticks.get();
            if (t < TICKS) {
                sendTick(t, owned, replies);
                ticks.incrementAndGet();
            }
        }, 0, 400, TimeUnit.MILLISECONDS);

        // Kill points: the number of tickets made so far, drawn at random over the whole stream.
        TreeSet<Integer> killAt = new TreeSet<>();
        while (killAt.size() < KILLS) {
            int at = 60 + RANDOM.nextInt(expectedTickets - 200);
            if (killAt.stream().allMatch(k -> Math.abs(k - at) >= 25)) {
                killAt.add(at);
            }
        }
        List<Long> startups = new ArrayList<>();
        // The stream stops however this part ends, so that a failure here leaves nothing running into the next test.
        try {
            int kill = 0;
            for (int at : killAt) {
                await().atMost(Duration.ofMinutes(3)).until(() -> sandbox.ticketCount() >= at);
                gateway.kill();
                startups.add(gateway.start().toMillis());
                kill++;
                if (kill == 3) {
                    sandbox.goOffline();
                    // osTicket away for 30 s: the gateway must ride it out, not die or give up on anything.
                    await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40)).until(gateway::isAlive);
                    sandbox.comeBack();
                }
                if (kill == 4) {
                    kafka.restart();
                }
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> ticks.get() >= TICKS);
        } finally {
            stream.shutdownNow();
        }

        MailFolder inbox = MAIL.getManagers().getImapHostManager().getInbox(support);
        settle("Faults", () -> sandbox.ticketCount() >= expectedTickets
                && Commands.byCommand(KafkaBroker.drain(results, RESULTS)).size() >= COMMANDS
                && waiting(inbox) == 0
                && replies(owned).size() >= REPLIES,
                () -> sandbox.ticketCount() + " tickets, " + Commands.byCommand(RESULTS).size() + " commands answered, "
                        + waiting(inbox) + " mails waiting in the inbox, " + replies(owned).size() + " replies");

        Map<String, Long> perSubject = client.searchAll(SearchQuery.all()).map(TicketSummary::subject)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long mailTickets = perSubject.keySet().stream().filter(s -> s.startsWith("Mail ")).count();
        long commandTickets = perSubject.keySet().stream().filter(s -> s.startsWith("Cmd ")).count();
        long doubled = perSubject.values().stream().filter(n -> n > 1).count();
        List<String> replied = replies(owned);
        long distinctReplies = replied.stream().distinct().count();
        Map<String, List<JsonNode>> byCommand = Commands.byCommand(KafkaBroker.drain(results, RESULTS));
        long applied = byCommand.values().stream().filter(r -> r.get(0).get("status").asText().equals("applied")).count();
        long repeatedResults = byCommand.values().stream().mapToLong(r -> r.size() - 1).sum();
        long stillFailing = byCommand.values().stream().flatMap(List::stream)
                .filter(r -> !r.get("status").asText().equals("applied")).count();
        int deadLettered = KafkaBroker.drain(deadLetters, DEAD).size();
        MailFolder errors = MAIL.getManagers().getImapHostManager().getFolder(support, "Errors");
        int errorFolder = errors == null ? 0 : errors.getMessageCount();

        REPORT.note("Gateway killed when osTicket held " + killAt + " tickets.");
        REPORT.row("SIGKILL of the gateway", KILLS + " times at random moments during the stream",
                "restarted " + startups.size() + "/" + KILLS + "; start-up to ready " + startups + " ms",
                startups.size() == KILLS);
        REPORT.row("osTicket down", "30 s, right after the 3rd restart", "gateway alive throughout", true);
        REPORT.row("Kafka broker restarted", "stopped and started on its data, after the 4th restart",
                "commands went on", byCommand.size() == COMMANDS);
        REPORT.row("Mail → tickets", NEW_MAILS + " new mails (every 10th with a 100 KB attachment)",
                mailTickets + " tickets", mailTickets == NEW_MAILS);
        REPORT.row("Mail → replies", REPLIES + " replies by [#number] to " + OWNERS + " tickets",
                replied.size() + " customer messages, " + distinctReplies + " distinct",
                replied.size() == REPLIES && distinctReplies == REPLIES);
        REPORT.row("Commands → results", COMMANDS + " creates", byCommand.size() + " commands answered, " + applied
                + " applied; " + repeatedResults + " result events written again (same event id)",
                byCommand.size() == COMMANDS && applied == COMMANDS);
        REPORT.row("Tickets created", expectedTickets + " expected (" + OWNERS + " made by the test)",
                sandbox.ticketCount() + " in osTicket, " + doubled + " subjects twice", sandbox.ticketCount() == expectedTickets
                        && doubled == 0);
        REPORT.row("Nothing dead-lettered for a fault", "—", deadLettered + " command dead letters, " + errorFolder
                + " mails in the error folder", deadLettered == 0 && errorFolder == 0);
        long stuck = inbox.getMessages().stream().filter(m -> !m.getFlags().contains(Flags.Flag.DELETED)).count();
        REPORT.row("Mails left in the inbox", "after every mail is in osTicket", leftInInbox(inbox)
                + " (only mails flagged deleted and not yet expunged may stay)", stuck == 0);
        String log = Files.readString(dir.resolve("gateway.log"), StandardCharsets.ISO_8859_1);
        REPORT.row("Work in flight at a kill", "—", "found in osTicket instead of written again: mails "
                + count(log, "Mail .* before an interruption") + ", commands " + count(log, "Command .* before an interruption")
                + "; redelivered commands skipped: " + count(log, "was already applied and answered"), true);

        assertThat(mailTickets).isEqualTo(NEW_MAILS);
        assertThat(commandTickets).isEqualTo(COMMANDS);
        assertThat(doubled).isZero();
        assertThat(sandbox.ticketCount()).isEqualTo(expectedTickets);
        assertThat(replied).hasSize(REPLIES).doesNotHaveDuplicates();
        assertThat(byCommand).hasSize(COMMANDS);
        assertThat(applied).isEqualTo(COMMANDS);
        assertThat(stillFailing).isZero();
        assertThat(deadLettered).isZero();
        assertThat(errorFolder).isZero();
        assertThat(stuck).isZero();
    }

    @Test
    @Order(2)
    void malformedCommandsAndMailsEachEndWithTheirReasonAndNothingElseIsAffected() throws Exception {
        long pid = gateway.pid();
        int ticketsBefore = sandbox.ticketCount();
        MalformedCommands badCommands = new MalformedCommands(RANDOM);
        List<ProducerRecord<String, byte[]>> commands = badCommands.records(MALFORMED_COMMANDS);
        for (int i = 0; i < commands.size(); i++) {
            producer.send(commands.get(i));
            if (i % (MALFORMED_COMMANDS / VALID_COMMANDS) == 0) {
                int n = i / (MALFORMED_COMMANDS / VALID_COMMANDS);
                producer.send(Commands.structured("valid-" + n, "valid-" + n, "osticket.ticket.create",
                        "{\"name\":\"V\",\"email\":\"valid@example.org\",\"subject\":\"Valid " + n + "\",\"message\":\"m\"}"));
            }
        }
        producer.flush();
        MalformedMails badMails = new MalformedMails();
        List<MimeMessage> mails = badMails.mails(MALFORMED_MAILS);
        for (int i = 0; i < mails.size(); i++) {
            support.deliver(mails.get(i));
            if (i % (MALFORMED_MAILS / VALID_MAILS) == 0) {
                int n = i / (MALFORMED_MAILS / VALID_MAILS);
                support.deliver(MailCorpus.plain("<valid-" + n + "@example.org>", "valid" + n + "@example.org",
                        "Valid mail " + n, "A good mail among bad ones."));
            }
        }

        MailFolder inbox = MAIL.getManagers().getImapHostManager().getInbox(support);
        Path mailDeadLetters = dir.resolve("data").resolve("mail-dead-letters.jsonl");
        settle("Bad input", () -> KafkaBroker.drain(deadLetters, DEAD).size() >= MALFORMED_COMMANDS
                && waiting(inbox) == 0
                && sandbox.ticketCount() >= ticketsBefore + VALID_COMMANDS + VALID_MAILS
                && validAnswered() >= VALID_COMMANDS
                && Files.exists(mailDeadLetters) && Files.readAllLines(mailDeadLetters).size() >= MALFORMED_MAILS,
                () -> DEAD.size() + " dead letters, " + waiting(inbox) + " mails waiting in the inbox, "
                        + (sandbox.ticketCount() - ticketsBefore) + " tickets made, " + validAnswered()
                        + " good commands answered");

        Map<String, Integer> deadByKind = new TreeMap<>();
        Map<String, String> reasonByKind = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : KafkaBroker.drain(deadLetters, DEAD)) {
            String kind = MalformedCommands.kindOf(record.key());
            deadByKind.merge(kind, 1, Integer::sum);
            String reason = Commands.header(record, "dlq_reason");
            assertThat(reason).as("dead letter %s has a reason", record.key()).isNotBlank();
            reasonByKind.putIfAbsent(kind, reason);
        }
        Map<String, Integer> mailDeadByKind = new TreeMap<>();
        Map<String, String> mailReasonByKind = new TreeMap<>();
        for (String line : Files.readAllLines(mailDeadLetters)) {
            JsonNode record = Commands.json(line.getBytes(StandardCharsets.UTF_8));
            String kind = MalformedMails.kindOf(record.get("messageId").asText());
            mailDeadByKind.merge(kind, 1, Integer::sum);
            assertThat(record.get("reason").asText()).isNotBlank();
            mailReasonByKind.putIfAbsent(kind, record.get("reason").asText());
        }
        MailFolder errors = MAIL.getManagers().getImapHostManager().getFolder(support, "Errors");
        Map<String, List<JsonNode>> byCommand = Commands.byCommand(KafkaBroker.drain(results, RESULTS));
        long validApplied = byCommand.entrySet().stream().filter(e -> e.getKey().startsWith("valid-"))
                .filter(e -> e.getValue().get(0).get("status").asText().equals("applied")).count();
        int perCommandKind = MALFORMED_COMMANDS / badCommands.kinds().size();
        for (MalformedCommands.Kind kind : badCommands.kinds()) {
            int dead = deadByKind.getOrDefault(kind.name(), 0);
            REPORT.row("Malformed command: " + kind.name(), "≈" + perCommandKind, dead + " dead-lettered: "
                    + cell(reasonByKind.get(kind.name())), dead >= perCommandKind);
        }
        int perMailKind = MALFORMED_MAILS / badMails.kinds().size();
        for (MalformedMails.Kind kind : badMails.kinds()) {
            int dead = mailDeadByKind.getOrDefault(kind.name(), 0);
            REPORT.row("Malformed mail: " + kind.name(), String.valueOf(perMailKind), dead
                    + " in the error folder: " + cell(mailReasonByKind.get(kind.name())), dead == perMailKind);
        }
        REPORT.row("Good input among the bad", VALID_COMMANDS + " commands, " + VALID_MAILS + " mails",
                validApplied + " applied, " + (sandbox.ticketCount() - ticketsBefore) + " tickets made in all; gateway "
                        + (gateway.isAlive() && gateway.pid() == pid ? "never stopped" : "STOPPED"),
                validApplied == VALID_COMMANDS && gateway.pid() == pid);

        assertThat(deadByKind.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MALFORMED_COMMANDS);
        assertThat(deadByKind.keySet()).hasSize(badCommands.kinds().size());
        assertThat(mailDeadByKind.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MALFORMED_MAILS);
        assertThat(errors.getMessageCount()).isEqualTo(MALFORMED_MAILS);
        assertThat(validApplied).isEqualTo(VALID_COMMANDS);
        assertThat(sandbox.ticketCount()).isEqualTo(ticketsBefore + VALID_COMMANDS + VALID_MAILS);
        assertThat(gateway.isAlive()).isTrue();
        assertThat(gateway.pid()).isEqualTo(pid);
    }

    @Test
    @Order(3)
    void itsSecretsAppearInNoLogDeadLetterResultOrMetric() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/reports/daily"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK_CALLS.get() >= 2);

        Map<String, String> places = new LinkedHashMap<>();
        places.put("gateway log (all runs)", Files.readString(dir.resolve("gateway.log"), StandardCharsets.ISO_8859_1));
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                places.put("data/" + file.getFileName(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        places.put("command results", KafkaBroker.text(KafkaBroker.drain(results, RESULTS)));
        places.put("command dead letters", KafkaBroker.text(KafkaBroker.drain(deadLetters, DEAD)));
        try (KafkaConsumer<String, byte[]> events = kafka.consumer("osticket.events")) {
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> !KafkaBroker.drain(events, all).isEmpty());
            places.put("ticket events", KafkaBroker.text(all));
        }
        for (String path : List.of("/observe/metrics", "/observe/health")) {
            places.put(path, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        }

        Map<String, String> secrets = Map.of("API key", API_KEY, "mail password", MAIL_PASSWORD,
                "Slack webhook URL", WEBHOOK_SECRET);
        List<String> leaks = new ArrayList<>();
        places.forEach((place, text) -> {
            List<String> found = secrets.entrySet().stream().filter(s -> text.contains(s.getValue()))
                    .map(Map.Entry::getKey).toList();
            REPORT.row("Secrets in " + place, "API key, mail password, webhook URL", String.format("%,d bytes searched, %s",
                    text.length(), found.isEmpty() ? "none found" : "FOUND " + found), found.isEmpty());
            found.forEach(f -> leaks.add(f + " in " + place));
        });
        assertThat(places.get("gateway log (all runs)")).contains("Slack");
        assertThat(leaks).isEmpty();
    }

    private static void sendTick(int t, List<String> owned, AtomicInteger replies) {
        try {
            for (int m = 0; m < MAILS_PER_TICK; m++) {
                int i = t * MAILS_PER_TICK + m;
                String subject = String.format("Mail %03d", i);
                support.deliver(i % 10 == 0
                        ? MailCorpus.withAttachment("<mix-" + i + "@example.org>", "user" + i + "@example.org", subject,
                                "logs.zip", 100_000)
                        : MailCorpus.plain("<mix-" + i + "@example.org>", "user" + i + "@example.org", subject,
                                "Mail number " + i));
            }
            if (t % 5 < 2) {
                int r = replies.getAndIncrement();
                int owner = r % OWNERS;
                support.deliver(MailCorpus.plain("<reply-" + r + "@example.org>", "owner" + owner + "@example.org",
                        "Re: [#" + owned.get(owner) + "] Owned " + owner, "Reply number " + r));
            }
            for (int c = 0; c < COMMANDS_PER_TICK; c++) {
                int i = t * COMMANDS_PER_TICK + c;
                String data = String.format("{\"name\":\"Load\",\"email\":\"load@example.com\","
                        + "\"subject\":\"Cmd %04d\",\"message\":\"command %d\"}", i, i);
                producer.send(i % 2 == 0 ? Commands.structured("key-" + (i % 30), "mix-" + i, "osticket.ticket.create", data)
                        : Commands.binary("key-" + (i % 30), "mix-" + i, "osticket.ticket.create", data));
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException("the test could not send its stream", e);
        }
    }

    /** Waits for {@code done}; if it never comes, the table says how far things got before the test fails. */
    private static void settle(String part, Callable<Boolean> done, Supplier<String> progress) {
        try {
            await().atMost(Duration.ofMinutes(4)).until(done);
        } catch (ConditionTimeoutException e) {
            REPORT.row(part + ": did not settle", "4 minutes", progress.get(), false);
            throw e;
        }
    }

    /**
     * Mails the gateway has yet to take: neither seen nor flagged deleted. (A mail the gateway moves
     * while this reads GreenMail's store can show as null: it is gone.)
     */
    private static long waiting(MailFolder folder) {
        return folder.getMessages().stream().filter(m -> m != null && !m.getFlags().contains(Flags.Flag.SEEN)
                && !m.getFlags().contains(Flags.Flag.DELETED)).count();
    }

    /** How many mails are still in the folder, with their flags. */
    private static String leftInInbox(MailFolder folder) {
        List<String> flags = folder.getMessages().stream().filter(m -> m != null).map(m -> (m.getFlags().contains(Flags.Flag.SEEN) ? "seen" : "unseen")
                + (m.getFlags().contains(Flags.Flag.DELETED) ? "+deleted" : "")).toList();
        return flags.size() + (flags.isEmpty() ? "" : " " + flags);
    }

    private static long validAnswered() {
        return Commands.byCommand(KafkaBroker.drain(results, RESULTS)).keySet().stream()
                .filter(id -> id.startsWith("valid-")).count();
    }

    /** The bodies of the replies on the owners' tickets: customer messages, each naming its reply. */
    private static List<String> replies(List<String> owned) {
        return owned.stream().flatMap(n -> client.getTicket(TicketRef.ofNumber(n)).thread().stream())
                .filter(e -> e.type() == ThreadEntryType.MESSAGE)
                .map(ThreadEntry::body).filter(b -> b != null && b.startsWith("Reply number")).toList();
    }

    private static long count(String log, String regex) {
        return Pattern.compile(regex).matcher(log).results().count();
    }

    private static String cell(String reason) {
        if (reason == null) {
            return "—";
        }
        String one = reason.replace('|', '/').replace('\n', ' ').replace('\r', ' ');
        return "“" + (one.length() > 90 ? one.substring(0, 90) + "…" : one) + "”";
    }

    private static String webhookUrl() {
        return "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/" + WEBHOOK_SECRET;
    }
}
