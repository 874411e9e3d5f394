package org.osticketgateway.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.osticketgateway.GatewayProcess;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.command.Commands;
import org.osticketgateway.mail.MailCorpus;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * The gateway jar, run as a user runs it, against a real osTicket 1.18.1 with the API Endpoints
 * plugin v2.3.4 (the lab kit's, {@code -Dlab.env=<lab folder>/lab.env}); skipped without one, so
 * CI skips it. Everything the gateway sends goes through a {@link RecordingProxy}; every outcome is
 * read back from osTicket directly. Mail from GreenMail, commands and events on an in-JVM Kafka,
 * a report to a local Slack stand-in and by mail, subtickets with the plugin as shipped and with its
 * crash patched, a stop and start in the middle, and a search for the secrets at the end. Each flow
 * records what it tried and what happened in {@code target/lab/LAB.md} and fails when something was
 * not as intended. On a fresh lab (no ticket yet) the recordings are copied to
 * {@code src/test/resources/lab-osticket-1.18.1/<scenario>/}, where {@code LabRecordingsTest} replays them.
 */
@EnabledIfSystemProperty(named = "lab.env", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LabSuiteTest {

    private static final String RUN = "Lab " + UUID.randomUUID().toString().substring(0, 6);
    private static final String SUPPORT_PASSWORD = "imap-" + UUID.randomUUID();
    private static final String HELPDESK_PASSWORD = "imap-" + UUID.randomUUID();
    private static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();
    private static final String WEBHOOK_SECRET = "T0LAB/B0LAB/" + UUID.randomUUID();
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final int MAX_ATTACHMENT_BYTES = 64 * 1024;
    private static final Path OUT = Path.of("target", "lab");
    private static final Path RECORDINGS = OUT.resolve("recordings");
    private static final Path KEPT = Path.of("src", "test", "resources", "lab-osticket-1.18.1");
    private static final String STOCK = "stock";
    private static final String PATCHED = "subtickets-patched";

    private static final LabReport REPORT = new LabReport();
    private static final List<ConsumerRecord<String, byte[]>> RESULTS = new CopyOnWriteArrayList<>();
    private static final List<ConsumerRecord<String, byte[]>> EVENTS = new CopyOnWriteArrayList<>();
    private static final List<String> SLACK = new CopyOnWriteArrayList<>();
    /** Tickets the flows made, by what they are (a mail's subject, "command child", …): their numbers. */
    private static final Map<String, String> NUMBERS = new LinkedHashMap<>();
    /** Each mail ticket's subject and the source osTicket shows for it. */
    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    private static LabEnvironment lab;
    private static SubticketPatch patch;
    private static boolean fresh;
    private static Path dir;
    private static GreenMail mail;
    private static GreenMailUser support;
    private static GreenMailUser helpdesk;
    private static KafkaBroker kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> results;
    private static KafkaConsumer<String, byte[]> events;
    private static HttpServer slack;
    private static RecordingProxy proxy;
    private static GatewayProcess gateway;
    private static OsTicketClient osticket;
    private static int managementPort;

    @BeforeAll
    static void startTheWorld() throws Exception {
        Path jar = Path.of("target", "osticket-gateway.jar");
        assertThat(jar).as("the gateway jar: build it first with mvn -B -q package -DskipTests").exists();
        lab = LabEnvironment.read(Path.of(System.getProperty("lab.env")));
        patch = new SubticketPatch(Path.of(System.getProperty("lab.subticket-patch",
                "/work/shared/tools/osticket-lab/subticket-patch.sh")), lab.dir());
        patch.revert();
        osticket = new OsTicketClient(OsTicketSettings.of(lab.apiUrl(), lab.apiKey()));
        fresh = osticket.searchTickets(SearchQuery.all().withPage(1, 0)).tickets().isEmpty();
        dir = Files.createTempDirectory("lab-suite");
        Files.createDirectories(OUT);
        deleteTree(RECORDINGS);

        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        support = mail.setUser("support@example.com", "support", SUPPORT_PASSWORD);
        helpdesk = mail.setUser("helpdesk@example.com", "helpdesk", HELPDESK_PASSWORD);
        mail.setUser("reports@example.com", "gateway", SMTP_PASSWORD);

        kafka = KafkaBroker.start();
        kafka.createTopics(1, Commands.TOPIC, Commands.RESULTS, Commands.DLQ, "osticket.events");
        producer = kafka.producer();
        results = kafka.consumer(Commands.RESULTS);
        events = kafka.consumer("osticket.events");

        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/services/" + WEBHOOK_SECRET, exchange -> {
            try (exchange) {
                SLACK.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        slack.start();

        proxy = RecordingProxy.start(URI.create(lab.apiUrl()), lab.keyRoles(), RECORDINGS.resolve(STOCK));
        managementPort = GatewayTestRun.freePort();
        gateway = GatewayProcess.ofJar(jar, environment(), dir.resolve("gateway.log"));
        gateway.start();
    }

    /** The gateway's settings, as a user gives them: environment variables (README's configuration table). */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("OSTICKET_URL", proxy.url());
        env.put("OSTICKET_API_KEY", lab.apiKey());
        env.put("LOG_LEVEL", "DEBUG");
        env.put("MAIL_MAILBOXES", "support,helpdesk");
        mailbox(env, "SUPPORT", "support", SUPPORT_PASSWORD);
        env.put("MAIL_SUPPORT_EMAIL_ID", "1");
        mailbox(env, "HELPDESK", "helpdesk", HELPDESK_PASSWORD);
        env.put("MAIL_HELPDESK_DEPARTMENT", "Billing");
        env.put("MAIL_MAX_ATTACHMENT_BYTES", String.valueOf(MAX_ATTACHMENT_BYTES));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("COMMANDS_ENABLED", "true");
        env.put("COMMANDS_RETRY_DELAY", "200");
        env.put("COMMANDS_MAX_RETRY_DELAY", "2000");
        env.put("EVENTS_ENABLED", "true");
        env.put("EVENTS_START", "now");
        env.put("EVENTS_POLL_DELAY", "2000");
        env.put("EVENTS_SWEEP_EVERY", "5");
        // Events within the suite's waits: polls at their delay, whatever they cost the lab.
        env.put("EVENTS_SERVER_SHARE", "1");
        env.put("REPORT_NAMES", "daily");
        env.put("REPORT_DAILY_CRON", "0 0 0 1 1 ? 2099");
        env.put("REPORT_DAILY_SLACK", "true");
        env.put("REPORT_DAILY_EMAIL_TO", "leads@example.com");
        env.put("REPORT_RETRY_DELAY", "200");
        env.put("SLACK_WEBHOOK_URL", "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/" + WEBHOOK_SECRET);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.put("SMTP_USERNAME", "gateway");
        env.put("SMTP_PASSWORD", SMTP_PASSWORD);
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("GATEWAY_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    private static void mailbox(Map<String, String> env, String name, String user, String password) {
        env.put("MAIL_" + name + "_PROTOCOL", "imap");
        env.put("MAIL_" + name + "_HOST", "127.0.0.1");
        env.put("MAIL_" + name + "_PORT", String.valueOf(mail.getImap().getPort()));
        env.put("MAIL_" + name + "_USERNAME", user);
        env.put("MAIL_" + name + "_PASSWORD", password);
        env.put("MAIL_" + name + "_POLL_DELAY", "1000");
    }

    @AfterAll
    static void stopTheWorld() throws Exception {
        if (gateway != null && gateway.isAlive()) {
            gateway.stop();
        }
        if (patch != null) {
            patch.revert();
        }
        String kept = "";
        if (proxy != null) {
            proxy.close();
            kept = keepRecordings(RECORDINGS, fresh);
            Files.copy(dir.resolve("gateway.log"), OUT.resolve("gateway.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        REPORT.write(OUT.resolve("LAB.md"), "LabSuiteTest", "The gateway jar (`java -jar target/osticket-gateway.jar`, settings from "
                + "the environment) against the lab at " + (lab == null ? "?" : lab.apiUrl()) + " (osTicket 1.18.1, "
                + "API Endpoints v2.3.4, Subticket Manager v2.0.3) through a recording proxy; outcomes read back "
                + "from osTicket directly. Run tag `" + RUN + "`. " + kept);
        for (AutoCloseable closeable : new AutoCloseable[] {producer, results, events, kafka, osticket}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (slack != null) {
            slack.stop(0);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    /**
     * Copies each scenario's recordings under {@code recordings} where LabRecordingsTest finds them, if every
     * ticket in them was made in them ({@code fresh}: the lab held none before the run).
     */
    static String keepRecordings(Path recordings, boolean fresh) throws IOException {
        List<String> scenarios;
        try (Stream<Path> folders = Files.list(recordings)) {
            scenarios = folders.map(f -> f.getFileName().toString()).sorted().toList();
        }
        StringBuilder counts = new StringBuilder();
        for (String scenario : scenarios) {
            try (Stream<Path> files = Files.list(recordings.resolve(scenario))) {
                counts.append(scenario).append(": ").append(files.count()).append(" exchanges; ");
            }
        }
        if (!fresh) {
            return "Recordings (" + counts + ") kept in `" + recordings + "` only: the lab held tickets before "
                    + "the run, so they could not be replayed on an empty sandbox.";
        }
        for (String scenario : scenarios) {
            Path target = KEPT.resolve(scenario);
            deleteTree(target);
            // Maven copies resources without removing old ones: the next LabRecordingsTest must not see stale files.
            deleteTree(Path.of("target", "test-classes", "lab-osticket-1.18.1", scenario));
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(recordings.resolve(scenario))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return "Recordings (" + counts + ") copied to `" + KEPT + "` from a lab that held no ticket before the run.";
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    // ---- mail

    @Test
    @Order(1)
    void mailBecomesTicketsAndRepliesTheCustomersMessages() throws Exception {
        String flow = "mail";
        // A ticket owned by carol, made through the gateway, for a reply by [#number] that does not hang on mail creates.
        JsonNode owner = command("mail-owner", "osticket.ticket.create", ticketData("Carol", "carol@example.org",
                RUN + " owner ticket", "Made by a command, for a reply by number.", ""));
        String ownerNumber = owner.at("/result/number").asText();

        send("support@example.com", MailCorpus.plain(messageId("plain"), "Ann Example <ann@example.org>",
                RUN + " mail plain (support)", "The printer on floor 2 is jammed.\nIt shows error E42."));
        send("support@example.com", MailCorpus.withAttachment(messageId("attached"), "ann@example.org",
                RUN + " mail with attachment (support)", "report.bin", 2048));
        send("support@example.com", MailCorpus.withAttachment(messageId("oversized"), "ann@example.org",
                RUN + " mail oversized (support)", "dump.zip", MAX_ATTACHMENT_BYTES + 40_000));
        send("helpdesk@example.com", MailCorpus.plain(messageId("helpdesk"), "Bob <bob@example.org>",
                RUN + " mail plain (helpdesk)", "Invoice 4711 is wrong."));
        send("support@example.com", MailCorpus.plain(messageId("by-number"), "carol@example.org",
                "Re: [#" + ownerNumber + "] " + RUN + " owner ticket", "Any news on this?"));

        Optional<Ticket> plain = mailTicket(flow, "support, mail.support.email-id=1: a plain mail", RUN
                + " mail plain (support)", "Email");
        plain.ifPresent(t -> {
            ThreadEntry message = t.thread().get(0);
            REPORT.check(flow, "… its two lines stay two lines (text: a line end; HTML: <br> or <p>)", message.format()
                    + " `" + message.body() + "`", Pattern.compile("jammed\\.(\\s*\\n|\\s*<br|</p>)").matcher(message.body())
                    .find());
        });
        Optional<Ticket> attached = mailTicket(flow, "support: a mail with a 2 KB binary attachment report.bin",
                RUN + " mail with attachment (support)", "Email");
        attached.ifPresent(t -> {
            // On plugin v2.3.4 the attachments follow the create in a second call: wait for it, not just the ticket.
            within(() -> Optional.of(true).filter(x -> attachmentNames(t.number()).contains("report.bin")));
            List<String> files = attachmentNames(t.number());
            REPORT.check(flow, "the attachment report.bin on that ticket", "attachments in the thread: " + files,
                    files.contains("report.bin"));
        });
        Optional<Ticket> oversized = mailTicket(flow, "support: a mail with a " + (MAX_ATTACHMENT_BYTES + 40_000)
                + "-byte attachment, over mail.max-attachment-bytes=" + MAX_ATTACHMENT_BYTES, RUN
                + " mail oversized (support)", "Email");
        oversized.ifPresent(t -> {
            Optional<ThreadEntry> note = within(() -> thread(t.number()).stream()
                    .filter(e -> e.type() == ThreadEntryType.NOTE && e.body().contains("dump.zip")).findFirst());
            REPORT.check(flow, "a note naming dump.zip as not imported", note.map(e -> "note: " + firstLine(e.body()))
                    .orElse("no note"), note.isPresent() && note.get().body().contains("not imported"));
        });
        mailTicket(flow, "helpdesk, no email-id: a plain mail", RUN + " mail plain (helpdesk)", "API");

        Optional<ThreadEntry> byNumber = within(() -> thread(ownerNumber).stream()
                .filter(e -> e.type() == ThreadEntryType.MESSAGE && e.body().contains("Any news on this?")).findFirst());
        REPORT.check(flow, "a reply with [#" + ownerNumber + "] in the subject from the ticket's owner",
                byNumber.map(e -> "the customer's message, by " + e.poster() + ": " + firstLine(e.body()))
                        .orElse("no message"), byNumber.isPresent());

        if (plain.isPresent()) {
            send("support@example.com", MailCorpus.reply(messageId("reply"), "Ann Example <ann@example.org>",
                    "Re: " + RUN + " mail plain (support)", messageId("plain")));
            Optional<ThreadEntry> reply = within(() -> thread(plain.get().number()).stream()
                    .filter(e -> e.type() == ThreadEntryType.MESSAGE && e.body().contains("It works again")).findFirst());
            REPORT.check(flow, "a reply by In-Reply-To to the plain mail", reply.map(e -> "the customer's message, by "
                    + e.poster() + ": " + firstLine(e.body()) + (e.body().contains("Please restart")
                    ? " (osTicket keeps the quoted history)" : " (quoted history stripped)")).orElse("no message"),
                    reply.isPresent() && reply.get().poster().contains("Ann"));
            MimeMessage auto = MailCorpus.reply(messageId("auto-reply"), "Ann Example <ann@example.org>",
                    "Automatic reply: " + RUN + " mail plain (support)", messageId("plain"));
            auto.setHeader("Auto-Submitted", "auto-replied");
            send("support@example.com", auto);
            Optional<ThreadEntry> note = within(() -> thread(plain.get().number()).stream()
                    .filter(e -> e.type() == ThreadEntryType.NOTE && e.body().contains("Automatic reply")).findFirst());
            REPORT.check(flow, "an auto-reply to the plain mail: an internal note naming who sent it",
                    note.map(e -> "`" + e.body() + "`").orElse("no note"),
                    note.isPresent() && note.get().body().contains("ann@example.org"));
        } else {
            REPORT.check(flow, "a reply by In-Reply-To to the plain mail", "not sent: the plain mail never became a "
                    + "ticket", false);
        }
        takeAwayStuckMail(flow);
        REPORT.finding("Mail tickets and the source osTicket shows: " + SOURCES);
        assertThat(REPORT.failed(flow)).as("mail checks not as intended").isEmpty();
    }

    /** Waits for the ticket a mail should become; notes its source, and what osTicket said if it never came. */
    private static Optional<Ticket> mailTicket(String flow, String tried, String subject, String source) {
        Optional<Ticket> ticket = within(() -> ticketWithSubject(subject));
        ticket.ifPresent(t -> {
            NUMBERS.put(subject, t.number());
            SOURCES.put(subject, "#" + t.number() + " " + t.source());
        });
        REPORT.check(flow, tried, ticket.map(t -> "ticket #" + t.number() + ", source " + t.source() + ", department "
                + t.department()).orElse("no ticket; osTicket answered " + lastCreateFailure(subject)),
                ticket.isPresent() && source.equals(ticket.get().source()));
        return ticket;
    }

    /** The last refused create of a ticket with this subject, as recorded: status, content type and body. */
    private static String lastCreateFailure(String subject) {
        String json = Commands.JSON.valueToTree(subject).toString();
        return proxy.recorded().stream().filter(x -> x.method().equals("POST") && x.path().endsWith("/tickets.json")
                        && x.requestBody().contains(json) && x.status() >= 300)
                .reduce((a, b) -> b).map(x -> x.status() + " " + x.contentType() + " `" + x.responseBody().strip()
                        + "` (" + x.name() + ", request " + sourceFields(x.requestBody()) + ")")
                .orElse("nothing: no create was sent");
    }

    private static String sourceFields(String requestBody) {
        JsonNode body = Commands.json(requestBody.getBytes(StandardCharsets.UTF_8));
        return "source=" + body.path("source").asText("(none)") + ", emailId=" + body.path("emailId").asText("(none)");
    }

    /**
     * Mail osTicket never took keeps being retried: noted, then taken out of the inboxes so that it
     * stops. A mail is moved out only after osTicket took it, so each inbox gets the deadline to empty.
     */
    private static void takeAwayStuckMail(String flow) throws Exception {
        for (GreenMailUser user : List.of(support, helpdesk)) {
            MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(user);
            Callable<Long> left = () -> inbox.getMessages().stream()
                    .filter(m -> !m.getFlags().contains(Flags.Flag.DELETED)).count();
            within(() -> left.call() == 0 ? Optional.of(true) : Optional.empty());
            long waiting = left.call();
            if (waiting > 0) {
                REPORT.finding(flow + ": " + waiting + " mail(s) still in " + user.getEmail() + "'s inbox after "
                        + DEADLINE.toSeconds() + " s, retried at every poll; taken out by the suite.");
                inbox.deleteAllMessages();
            }
        }
    }

    // ---- commands

    @Test
    @Order(2)
    void commandsOfEveryTypeTakeEffect() throws Exception {
        String flow = "commands";
        String parent = created(flow, "create a plain ticket (a parent)", command("cmd-parent", "osticket.ticket.create",
                ticketData("Lab Parent", "parent@example.org", RUN + " command parent", "The parent.", "")));
        String child = created(flow, "create with department name, priority name, due date and parent", command(
                "cmd-child", "osticket.ticket.create", ticketData("Dora", "dora@example.org", RUN + " command child",
                        "A child with every field.", ",\"department\":\"IT Operations\",\"priority\":\"High\","
                                + "\"dueDate\":\"2031-02-01\",\"parent\":{\"number\":\"" + parent + "\"}")));
        NUMBERS.put("command parent", parent);
        NUMBERS.put("command child", child);
        if (child != null) {
            Ticket t = osticket.getTicket(TicketRef.ofNumber(child));
            REPORT.check(flow, "… read back", "department " + t.department() + ", priority " + t.priority() + ", due "
                    + t.dueDate() + ", source " + t.source(), "IT Operations".equals(t.department())
                    && "High".equals(t.priority()) && Instant.parse("2031-02-01T00:00:00Z").equals(t.dueDate()));
            List<Long> children = childIds(parent);
            REPORT.check(flow, "… its parent's children (tickets-get `children`)", "children " + children,
                    children.contains(t.id()));
        }
        String attachment = Base64.getEncoder().encodeToString(new byte[] {0x50, 0x4b, 3, 4, (byte) 0xff, 0, 10});
        JsonNode withFile = command("cmd-attachment", "osticket.ticket.create", ticketData("Eve", "eve@example.org",
                RUN + " command with attachment", "See the file.", ",\"attachments\":[{\"filename\":\"trace.bin\","
                        + "\"contentType\":\"application/octet-stream\",\"content\":\"" + attachment + "\"}]"));
        String withFileNumber = withFile.at("/result/number").asText(null);
        List<String> files = withFileNumber == null ? List.of() : attachmentNames(withFileNumber);
        REPORT.check(flow, "create with an attachment trace.bin", outcome(withFile) + (withFileNumber == null ? ""
                : ", attachments " + files), files.contains("trace.bin"));

        JsonNode got = command("cmd-get", "osticket.ticket.get", "{\"ticket\":{\"number\":\"" + child + "\"}}");
        REPORT.check(flow, "get the child", outcome(got) + ", subject " + got.at("/result/subject").asText(),
                applied(got) && child != null && child.equals(got.at("/result/number").asText()));

        // Seen first in its first department: what changes before the poller first sees a ticket is in its created event.
        within(() -> eventOf(String.valueOf(child), "osticket.ticket.created"));
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("department", "\"department\":\"Billing\"");
        changes.put("sla", "\"sla\":\"Premium Support\"");
        changes.put("staff", "\"staff\":\"john.doe\"");
        changes.put("dueDate", "\"dueDate\":\"2031-03-01\"");
        changes.put("note", "\"note\":\"" + RUN + " note by command\"");
        changes.put("status", "\"status\":\"Closed\"");
        for (Map.Entry<String, String> change : changes.entrySet()) {
            JsonNode updated = command("cmd-update-" + change.getKey(), "osticket.ticket.update",
                    "{\"ticket\":{\"number\":\"" + child + "\"},\"changes\":{" + change.getValue() + "}}");
            REPORT.check(flow, "update " + change.getValue(), outcome(updated), applied(updated));
        }
        if (child != null) {
            Ticket t = osticket.getTicket(TicketRef.ofNumber(child));
            boolean noted = t.thread().stream().anyMatch(e -> e.type() == ThreadEntryType.NOTE
                    && e.body().contains(RUN + " note by command"));
            REPORT.check(flow, "… read back", "department " + t.department() + ", SLA " + t.sla() + ", assignee "
                    + t.assignee() + ", due " + t.dueDate() + ", note " + (noted ? "there" : "missing") + ", status "
                    + t.status(), "Billing".equals(t.department()) && "Premium Support".equals(t.sla())
                    && "John Doe".equals(t.assignee()) && Instant.parse("2031-03-01T00:00:00Z").equals(t.dueDate())
                    && noted && "Closed".equals(t.status()));
        }

        String email = created(flow, "create with source Email and emailId 1 (support@example.com)", command(
                "cmd-source-email", "osticket.ticket.create", ticketData("Fay", "fay@example.org", RUN
                        + " command source email", "Came in by phone, filed as email.", ",\"source\":\"Email\","
                        + "\"emailId\":1")));
        if (email != null) {
            String source = osticket.getTicket(TicketRef.ofNumber(email)).source();
            REPORT.check(flow, "… read back", "source " + source, "Email".equals(source));
        }
        JsonNode unknownDepartment = command("cmd-unknown-department", "osticket.ticket.create", ticketData("Gus",
                "gus@example.org", RUN + " command unknown department", "m", ",\"department\":\"Nowhere\""));
        REPORT.check(flow, "create in a department osTicket does not have", outcome(unknownDepartment) + "; answered "
                + lastAnswer("tickets"), "failed".equals(status(unknownDepartment))
                && "NOT_FOUND".equals(unknownDepartment.at("/error/failure").asText())
                && ticketsWithSubject(RUN + " command unknown department") == 0);
        JsonNode unknownStatus = command("cmd-unknown-status", "osticket.ticket.update", "{\"ticket\":{\"number\":\""
                + parent + "\"},\"changes\":{\"status\":\"Bogus\"}}");
        REPORT.check(flow, "update to a status osTicket does not have", outcome(unknownStatus) + "; answered "
                + lastAnswer("tickets-update"), "failed".equals(status(unknownStatus))
                && "BAD_REQUEST".equals(unknownStatus.at("/error/failure").asText()));

        String overdue = created(flow, "create a ticket to become overdue", command("cmd-overdue",
                "osticket.ticket.create", ticketData("Hal", "hal@example.org", RUN + " command overdue", "Late.", "")));
        // Seen first while not overdue: a ticket first seen already overdue is published as created only.
        within(() -> eventOf(String.valueOf(overdue), "osticket.ticket.created"));
        JsonNode late = command("cmd-overdue-due", "osticket.ticket.update", "{\"ticket\":{\"number\":\"" + overdue
                + "\"},\"changes\":{\"dueDate\":\"2020-01-01\"}}");
        REPORT.check(flow, "… its due date set in the past (2020-01-01)", outcome(late), applied(late));
        NUMBERS.put("command overdue", overdue);

        // A create's result carries the internal id only when asked for (plugin v2.3.4 answers the number alone).
        JsonNode doomed = command("cmd-doomed", "osticket.ticket.create", ticketData("Lab", "lab@example.org",
                RUN + " command doomed", "To be deleted.", ",\"fetchTicket\":true"));
        String doomedNumber = created(flow, "create a ticket to delete, with fetchTicket (its result then carries the internal id)", doomed);
        if (doomedNumber != null) {
            NUMBERS.put("command doomed", doomedNumber);
            // The deletion is seen by the events sweep only for a ticket the poller saw before.
            within(() -> eventOf(doomedNumber, "osticket.ticket.created"));
            JsonNode deleted = command("cmd-delete", "osticket.ticket.delete", "{\"ticket\":{\"id\":"
                    + doomed.at("/result/id").asLong() + "}}");
            Optional<Ticket> after = findTicket(doomedNumber);
            REPORT.check(flow, "delete it by internal id", outcome(deleted) + "; osTicket now: "
                    + after.map(t -> "still there").orElse("not found"), applied(deleted) && after.isEmpty());
        }
        assertThat(REPORT.failed(flow)).as("command checks not as intended").isEmpty();
    }

    // ---- events

    @Test
    @Order(3)
    void ticketChangesArePublishedAsEvents() {
        String flow = "events";
        String child = NUMBERS.get("command child");
        List<String> expected = List.of("osticket.ticket.created", "osticket.ticket.department-changed",
                "osticket.ticket.assigned", "osticket.ticket.due-date-changed", "osticket.ticket.updated",
                "osticket.ticket.status-changed", "osticket.ticket.closed");
        if (child != null) {
            within(() -> Optional.of(true).filter(x -> eventTypes(child).containsAll(expected)));
            REPORT.check(flow, "the command child's changes: " + String.join(", ", expected), "events: "
                    + eventTypes(child), eventTypes(child).containsAll(expected));
        }
        String overdue = NUMBERS.get("command overdue");
        if (overdue != null) {
            Optional<ConsumerRecord<String, byte[]>> late = within(() -> eventOf(overdue, "osticket.ticket.overdue"));
            REPORT.check(flow, "the ticket whose due date passed (osTicket's own flag waits for its cron)", "events: "
                    + eventTypes(overdue), late.isPresent());
        }
        String doomed = NUMBERS.get("command doomed");
        if (doomed != null) {
            Optional<ConsumerRecord<String, byte[]>> deleted = within(() -> eventOf(doomed, "osticket.ticket.deleted"));
            REPORT.check(flow, "the deleted ticket (found by the sweep)", "events: " + eventTypes(doomed),
                    deleted.isPresent());
        }
        drainEvents();
        List<String> ids = EVENTS.stream().map(r -> Commands.header(r, "ce_id")).toList();
        REPORT.check(flow, "EVENTS_START=now: nothing from before the start, no event twice", EVENTS.size()
                + " events, " + (ids.size() - ids.stream().distinct().count()) + " repeated ids, types "
                + EVENTS.stream().map(r -> Commands.header(r, "ce_type")).distinct().sorted().toList(),
                ids.stream().distinct().count() == ids.size());
        REPORT.check(flow, "every event's Kafka key and subject is its ticket number", "checked " + EVENTS.size(),
                EVENTS.stream().filter(r -> String.valueOf(Commands.header(r, "ce_type"))
                        .startsWith("osticket.ticket.")).allMatch(r -> r.key().equals(Commands.header(r, "ce_subject"))));
        assertThat(REPORT.failed(flow)).as("event checks not as intended").isEmpty();
    }

    // ---- reports

    @Test
    @Order(4)
    void aReportOnDemandReachesSlackAndMail() throws Exception {
        String flow = "reports";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + managementPort + "/reports/daily")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        REPORT.check(flow, "POST /reports/daily", answer.statusCode() + " " + answer.body().strip(),
                answer.statusCode() == 200);
        Optional<String> slackText = within(() -> SLACK.stream().findFirst()).map(body ->
                Commands.json(body.getBytes(StandardCharsets.UTF_8)).get("text").asText());
        List<TicketSummary> open = osticket.searchAll(SearchQuery.all()).filter(t -> "Open".equals(t.status())).toList();
        long overdue = open.stream().filter(t -> t.dueDate() != null && t.dueDate().isBefore(Instant.now())).count();
        String counts = open.size() + " open, " + overdue + " overdue";
        REPORT.check(flow, "Slack (local stand-in) gets the Block Kit message; its counts against osTicket's ("
                + counts + ")", slackText.orElse("nothing arrived"),
                slackText.isPresent() && slackText.get().contains(": " + counts + ","));
        Optional<MimeMessage> email = within(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipients(m).contains("leads@example.com")).findFirst());
        REPORT.check(flow, "the email to leads@example.com", email.map(LabSuiteTest::subject).orElse("nothing arrived"),
                email.isPresent() && subject(email.get()).contains(counts));
        assertThat(REPORT.failed(flow)).as("report checks not as intended").isEmpty();
    }

    // ---- subtickets with the plugin as shipped

    @Test
    @Order(5)
    void subticketCommandsWithTheShippedPlugin() throws Exception {
        String flow = "subtickets (stock)";
        List<String> pair = parentAndChild(flow, "stock");
        String parent = pair.get(0);
        String child = pair.get(1);
        JsonNode link = command("stock-link", "osticket.subticket.link", linkData(parent, child));
        REPORT.check(flow, "link: the plugin crashes (PHP fatal error as 200 text/html); the gateway reports it, "
                + "no retry", outcome(link) + "; answered " + lastAnswer("tickets-subtickets-create"),
                "failed".equals(status(link)) && "UNREADABLE_RESPONSE".equals(link.at("/error/failure").asText()));
        REPORT.check(flow, "… and osTicket has no link", "parent's children " + childIds(parent),
                childIds(parent).isEmpty());
        JsonNode unlink = command("stock-unlink", "osticket.subticket.unlink", unlinkData(child));
        REPORT.check(flow, "unlink: the same crash", outcome(unlink) + "; answered "
                + lastAnswer("tickets-subtickets-"), "failed".equals(status(unlink))
                && "UNREADABLE_RESPONSE".equals(unlink.at("/error/failure").asText()));
        String withParent = NUMBERS.get("command parent");
        REPORT.check(flow, "a child made by create with a parent (parentTicketNumber: not a subticket endpoint)",
                "the command parent's children " + (withParent == null ? "—" : childIds(withParent)),
                withParent != null && !childIds(withParent).isEmpty());
        assertThat(REPORT.failed(flow)).as("stock subticket checks not as intended").isEmpty();
    }

    // ---- a restart in the middle

    @Test
    @Order(6)
    void aRestartLosesNothing() throws Exception {
        String flow = "restart";
        drainEvents();
        int eventsBefore = EVENTS.size();
        gateway.stop();
        send("support@example.com", MailCorpus.plain(messageId("while-stopped"), "ann@example.org",
                RUN + " mail while stopped", "Sent while the gateway was stopped."));
        String plainNumber = NUMBERS.get(RUN + " mail plain (support)");
        if (plainNumber != null) {
            send("support@example.com", MailCorpus.reply(messageId("reply-after-restart"), "ann@example.org",
                    "Re: " + RUN + " mail plain (support)", messageId("plain")));
        }
        producer.send(Commands.structured("restart-create", "restart-create", "osticket.ticket.create", ticketData(
                "Lab", "lab@example.org", RUN + " command while stopped", "Produced while the gateway was stopped.", "")));
        producer.flush();
        gateway.start();

        JsonNode created = result("restart-create");
        String number = created(flow, "a create command produced while stopped", created);
        REPORT.check(flow, "… exactly one ticket with its subject", ticketsWithSubject(RUN + " command while stopped")
                + " ticket(s)", ticketsWithSubject(RUN + " command while stopped") == 1);
        if (number != null) {
            Optional<ConsumerRecord<String, byte[]>> event = within(() -> eventOf(number, "osticket.ticket.created"));
            REPORT.check(flow, "… its created event after the restart", event.map(e -> "published").orElse("none"),
                    event.isPresent());
        }
        mailTicket(flow, "a mail sent while stopped", RUN + " mail while stopped", "Email");
        if (plainNumber != null) {
            Optional<ThreadEntry> reply = within(() -> thread(plainNumber).stream().filter(e -> e.type()
                    == ThreadEntryType.MESSAGE && e.body().contains("It works again")).skip(1).findFirst());
            REPORT.check(flow, "a reply by In-Reply-To sent while stopped (the thread found in mail-threads.dat)",
                    reply.map(e -> "second reply there").orElse("no second reply"), reply.isPresent());
        }
        drainEvents();
        Map<String, Long> perId = EVENTS.stream().collect(Collectors.groupingBy(r -> Commands.header(r, "ce_id"),
                Collectors.counting()));
        REPORT.check(flow, "no event published again after the restart", (EVENTS.size() - eventsBefore)
                + " events since the stop, " + perId.values().stream().filter(n -> n > 1).count() + " ids twice",
                perId.values().stream().allMatch(n -> n == 1));
        Map<String, List<JsonNode>> byCommand = Commands.byCommand(KafkaBroker.drain(results, RESULTS));
        REPORT.check(flow, "one result per command, none written again", byCommand.size() + " commands, "
                + byCommand.values().stream().filter(r -> r.size() > 1).count() + " with two results",
                byCommand.values().stream().allMatch(r -> r.size() == 1));
        takeAwayStuckMail(flow);
        assertThat(REPORT.failed(flow)).as("restart checks not as intended").isEmpty();
    }

    // ---- subtickets with the crash patched

    @Test
    @Order(7)
    void subticketCommandsWithThePatchedPlugin() throws Exception {
        String flow = "subtickets (patched)";
        REPORT.finding("subticket-patch.sh apply: " + proxy.whileHolding(() -> {
            proxy.recordInto(RECORDINGS.resolve(PATCHED));
            return patch.apply();
        }));
        try {
            List<String> pair = parentAndChild(flow, "patched");
            String parent = pair.get(0);
            String child = pair.get(1);
            JsonNode link = command("patched-link", "osticket.subticket.link", linkData(parent, child));
            Optional<RelatedTicket> linked = osticket.getParent(TicketRef.ofNumber(child));
            REPORT.check(flow, "link", outcome(link) + "; osTicket: parent of the child "
                    + linked.map(RelatedTicket::number).orElse("none"), applied(link)
                    && linked.map(p -> p.number().equals(parent)).orElse(false));
            JsonNode again = command("patched-link-again", "osticket.subticket.link", linkData(parent, child));
            REPORT.check(flow, "link the same pair again (422 from the plugin)", outcome(again) + "; answered "
                    + lastAnswer("tickets-subtickets-create"), "CONFLICT".equals(again.at("/error/failure").asText()));
            JsonNode circular = command("patched-link-circular", "osticket.subticket.link", linkData(child, parent));
            REPORT.check(flow, "link the parent under its child (circular)", outcome(circular) + "; answered "
                    + lastAnswer("tickets-subtickets-create"), "CONFLICT".equals(circular.at("/error/failure").asText()));
            JsonNode unlink = command("patched-unlink", "osticket.subticket.unlink", unlinkData(child));
            Optional<RelatedTicket> after = osticket.getParent(TicketRef.ofNumber(child));
            REPORT.check(flow, "unlink", outcome(unlink) + ", former parent " + unlink.at("/result/parent/number")
                    .asText("—") + "; osTicket: parent of the child " + after.map(RelatedTicket::number).orElse("none"),
                    applied(unlink) && after.isEmpty());
            JsonNode unlinkAgain = command("patched-unlink-again", "osticket.subticket.unlink", unlinkData(child));
            REPORT.check(flow, "unlink a ticket with no parent", outcome(unlinkAgain) + "; answered "
                    + lastAnswer("tickets-subtickets-"), "NOT_FOUND".equals(unlinkAgain.at("/error/failure").asText()));
        } finally {
            // The rest of the run (the secret scan) needs the gateway stopped; the lab goes back to stock.
            gateway.stop();
            REPORT.finding("subticket-patch.sh revert: " + patch.revert());
        }
        assertThat(REPORT.failed(flow)).as("patched subticket checks not as intended").isEmpty();
    }

    // ---- secrets

    @Test
    @Order(8)
    void noSecretInLogsDataFilesKafkaOrRecordings() throws Exception {
        String flow = "secrets";
        Map<String, String> places = new LinkedHashMap<>();
        places.put("the gateway log (LOG_LEVEL=DEBUG, both runs)", Files.readString(dir.resolve("gateway.log"),
                StandardCharsets.ISO_8859_1));
        places.put("the data folder", everyFile(dir.resolve("data")));
        places.put("every Kafka record of every topic", everyKafkaRecord());
        places.put("the recordings", everyFile(RECORDINGS));
        Map<String, String> secrets = Map.of("API key", lab.apiKey(), "create-only API key", lab.limitedKey(),
                "support mailbox password", SUPPORT_PASSWORD, "helpdesk mailbox password", HELPDESK_PASSWORD,
                "SMTP password", SMTP_PASSWORD, "Slack webhook URL", WEBHOOK_SECRET);
        places.forEach((place, text) -> {
            List<String> found = secrets.entrySet().stream().filter(s -> text.contains(s.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            REPORT.check(flow, "API key, mailbox and SMTP passwords, webhook URL in " + place, String.format(
                    "%,d bytes searched, %s", text.length(), found.isEmpty() ? "none found" : "FOUND " + found),
                    found.isEmpty());
        });
        assertThat(REPORT.failed(flow)).as("secret checks not as intended").isEmpty();
    }

    /** The text of every file below {@code root}, bytes read as Latin-1 so that any byte can be searched. */
    private static String everyFile(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static String everyKafkaRecord() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", "lab-secrets-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> all = new KafkaConsumer<>(p)) {
            all.subscribe(Pattern.compile("^[^_].*"));
            // Read until a poll brings nothing more, within the deadline.
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                int before = seen.size();
                KafkaBroker.drain(all, seen);
                return !seen.isEmpty() && seen.size() == before;
            });
            return KafkaBroker.text(seen);
        }
    }

    // ---- helpers: commands

    /** A parent and a child ticket made by commands for a subticket flow: their numbers (null if not made). */
    private static List<String> parentAndChild(String flow, String tag) {
        List<String> numbers = new ArrayList<>();
        for (String role : List.of("parent", "child")) {
            numbers.add(created(flow, "create a " + role, command(tag + "-" + role, "osticket.ticket.create",
                    ticketData("Lab", "lab@example.org", RUN + " " + tag + " " + role, role, ""))));
        }
        return numbers;
    }

    private static String linkData(String parent, String child) {
        return "{\"parent\":{\"number\":\"" + parent + "\"},\"child\":{\"number\":\"" + child + "\"}}";
    }

    private static String unlinkData(String child) {
        return "{\"child\":{\"number\":\"" + child + "\"}}";
    }

    private static String ticketData(String name, String email, String subject, String message, String more) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"subject\":\"" + subject + "\",\"message\":\""
                + message + "\"" + more + "}";
    }

    /** Produces a structured command and waits for its result (a missing node if none came in time). */
    private static JsonNode command(String id, String type, String data) {
        producer.send(Commands.structured(id, id, type, data));
        producer.flush();
        return result(id);
    }

    private static JsonNode result(String id) {
        return within(() -> Optional.ofNullable(Commands.byCommand(KafkaBroker.drain(results, RESULTS)).get(id))
                .map(list -> list.get(0))).orElse(MissingNode.getInstance());
    }

    /** The created ticket's number, checked against osTicket; null when the create did not apply. */
    private static String created(String flow, String tried, JsonNode result) {
        String number = result.at("/result/number").asText(null);
        Optional<Ticket> ticket = number == null ? Optional.empty() : findTicket(number);
        REPORT.check(flow, tried, outcome(result) + ticket.map(t -> "; osTicket has #" + t.number() + " \""
                + t.subject() + "\"").orElse(""), applied(result) && ticket.isPresent());
        return ticket.isPresent() ? number : null;
    }

    private static boolean applied(JsonNode result) {
        return "applied".equals(status(result));
    }

    private static String status(JsonNode result) {
        return result.path("status").asText("no result");
    }

    private static String outcome(JsonNode result) {
        if (result.isMissingNode()) {
            return "no result within " + DEADLINE.toSeconds() + " s";
        }
        String number = result.at("/result/number").asText("");
        return status(result) + (number.isEmpty() ? "" : " #" + number) + (result.hasNonNull("error")
                ? " " + result.at("/error/failure").asText() + " " + result.at("/error/status").asText() + " “"
                + firstLine(result.at("/error/message").asText()) + "”" : "");
    }

    /** The last recorded answer of an endpoint whose name starts so: status, type, the body's first line. */
    private static String lastAnswer(String endpoint) {
        return proxy.recorded().stream().filter(x -> ExchangeWriter.endpoint(URI.create("http://h" + x.path()))
                        .startsWith(endpoint)).reduce((a, b) -> b)
                .map(x -> x.status() + " " + x.contentType() + " “" + firstLine(x.responseBody().replace("<br />", ""))
                        + "” (" + x.name() + ")").orElse("nothing");
    }

    // ---- helpers: osTicket read back directly

    private static Optional<Ticket> ticketWithSubject(String subject) {
        return osticket.searchAll(SearchQuery.all().withQuery(subject)).filter(t -> t.subject().equals(subject))
                .findFirst().map(t -> osticket.getTicket(TicketRef.ofNumber(t.number())));
    }

    private static long ticketsWithSubject(String subject) {
        return osticket.searchAll(SearchQuery.all().withQuery(subject)).map(TicketSummary::subject)
                .filter(subject::equals).count();
    }

    private static Optional<Ticket> findTicket(String number) {
        try {
            return Optional.of(osticket.getTicket(TicketRef.ofNumber(number)));
        } catch (OsTicketException e) {
            return Optional.empty();
        }
    }

    private static List<ThreadEntry> thread(String number) {
        return findTicket(number).map(Ticket::thread).orElse(List.of());
    }

    private static List<String> attachmentNames(String number) {
        return thread(number).stream().flatMap(e -> e.attachments().stream()).toList();
    }

    /** The internal ids in a ticket's {@code children}: the canonical ticket does not carry them. */
    private static List<Long> childIds(String number) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lab.apiUrl()
                + "/tickets-get.php/" + number + ".json")).header("X-API-Key", lab.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        List<Long> ids = new ArrayList<>();
        Commands.json(answer.body().getBytes(StandardCharsets.UTF_8)).path("children").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    // ---- helpers: mail, events, waiting

    private static String messageId(String name) {
        return "<" + RUN.replace(' ', '-') + "-" + name + "@lab.example.org>";
    }

    private static void send(String to, MimeMessage message) throws Exception {
        try (Transport transport = mail.getSmtp().createSession().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(to)});
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "(unreadable subject)";
        }
    }

    private static void drainEvents() {
        KafkaBroker.drain(events, EVENTS);
    }

    private static List<String> eventTypes(String number) {
        drainEvents();
        return EVENTS.stream().filter(r -> number.equals(r.key())).map(r -> Commands.header(r, "ce_type")).toList();
    }

    private static Optional<ConsumerRecord<String, byte[]>> eventOf(String number, String type) {
        drainEvents();
        return EVENTS.stream().filter(r -> number.equals(r.key()) && type.equals(Commands.header(r, "ce_type")))
                .findFirst();
    }

    private static String firstLine(String text) {
        Matcher line = Pattern.compile("^\\s*([^\\n]*)").matcher(text == null ? "" : text);
        String first = line.find() ? line.group(1) : "";
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }

    /** What {@code probe} finds within the deadline, or nothing: the flow notes it and goes on. */
    private static <T> Optional<T> within(Callable<Optional<T>> probe) {
        List<T> found = new ArrayList<>(1);
        try {
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                Optional<T> value = probe.call();
                value.ifPresent(found::add);
                return value.isPresent();
            });
            return Optional.of(found.get(found.size() - 1));
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }
}
