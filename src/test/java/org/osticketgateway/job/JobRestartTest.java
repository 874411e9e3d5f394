package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osticketgateway.GatewayProcess;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.LogLines;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Once per fire across restarts: a checklist whose gateway is killed (SIGKILL) halfway through is
 * completed by the next start, each ticket made once; a fire that fell while the gateway was down
 * runs once at start, or is skipped, as the job says.
 */
class JobRestartTest {

    private static final int CHILDREN = 6;

    @TempDir
    Path dir;

    private final List<GatewayTestRun> running = new ArrayList<>();

    @AfterEach
    void stopGateways() {
        running.forEach(GatewayTestRun::stop);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "plugin"})
    void aChecklistCutShortByAKillIsCompletedAtStartNotRepeated(String dialect) throws Exception {
        SandboxOptions options = dialect.equals("plugin") ? SandboxOptions.shippedPlugin("k") : SandboxOptions.withKey("k");
        try (SandboxServer sandbox = SandboxServer.start(0, options, false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            int port = GatewayTestRun.freePort();
            Map<String, String> env = new HashMap<>(Map.of("OSTICKET_URL", sandbox.url(), "OSTICKET_API_KEY", "k",
                    "MANAGEMENT_PORT", String.valueOf(port), "GATEWAY_DATA_DIR", dir.resolve("data").toString(),
                    "JOBS_NAMES", "onboarding", "JOB_ONBOARDING_KIND", "create",
                    "JOB_ONBOARDING_CRON", "0 0 0 1 1 ? 2099",
                    "JOB_ONBOARDING_SUBJECT", "Onboarding week {week}",
                    "JOB_ONBOARDING_MESSAGE", "New starters this week.",
                    "JOB_ONBOARDING_REQUESTER_EMAIL", "hr@example.com"));
            env.put("JOB_ONBOARDING_CHILDREN", "laptop, badge, mail account, phone, desk, training");
            env.put("JOB_ONBOARDING_CHILD_SUBJECT", "Onboarding: {child}");
            Path log = dir.resolve("gateway.log");
            GatewayProcess gateway = new GatewayProcess(env, "log4j2-gateway-process.properties", log);
            gateway.start();
            // Each call to osTicket takes a while, so that the kill falls in the middle of the fire.
            sandbox.serviceTime(Duration.ofMillis(150));
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/jobs/onboarding")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.ticketCount() >= 3);
            gateway.kill();
            int atKill = sandbox.ticketCount();
            assertThat(atKill).isLessThan(1 + CHILDREN);
            sandbox.serviceTime(Duration.ZERO);

            gateway.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                    .contains("Job onboarding (fire onboarding@manual-") && sandbox.ticketCount() == 1 + CHILDREN
                    && finished(log));
            gateway.stop();

            Map<String, Long> perSubject = client.searchAll(SearchQuery.all()).map(TicketSummary::subject)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perSubject).hasSize(1 + CHILDREN).containsEntry("Onboarding: mail account", 1L);
            assertThat(perSubject.values()).allMatch(n -> n == 1);
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).contains("was cut short; it is completed now, not repeated");
            String parent = client.searchAll(SearchQuery.all().withQuery("Onboarding week")).findFirst().orElseThrow()
                    .number();
            assertThat(dialect.equals("plugin") ? childrenInGetAnswer(sandbox, parent)
                    : client.listChildren(TicketRef.ofNumber(parent)).size()).isEqualTo(CHILDREN);
        }
    }

    /** The second run of the fire logged its last child's line. */
    private static boolean finished(Path log) throws Exception {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.contains("'Onboarding: training'") && text.lastIndexOf("'Onboarding: training'")
                > text.lastIndexOf("was cut short");
    }

    /** The parent's children as the plugin's get answer lists them (its subticket endpoints crash). */
    static int childrenInGetAnswer(SandboxServer sandbox, String parent) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url()
                + "/tickets-get.php/" + parent + ".json")).header("X-API-Key", "k").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).get("children").size();
    }

    @Test
    void aFireMissedWhileDownRunsOnceAtStart() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
             LogLines log = LogLines.capture()) {
            missedWhileDown(sandbox, "run");

            await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.ticketCount() == 1);
            assertThat(client.searchAll(SearchQuery.all()).map(TicketSummary::subject).toList())
                    .containsExactly("Weekly check " + Instant.now().atOffset(ZoneOffset.UTC).toLocalDate());
            assertThat(log.containing("Job weekly missed 1 fire while the gateway was down")).singleElement()
                    .satisfies(l -> assertThat(l.message()).endsWith("running it once now (job.weekly.missed=run)"));
        }
    }

    @Test
    void aFireMissedWhileDownIsSkippedWhenTheJobSaysSo() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             LogLines log = LogLines.capture()) {
            missedWhileDown(sandbox, "skip");

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !log.containing("Job weekly missed 1 fire while the gateway was down").isEmpty());
            assertThat(log.containing("Job weekly missed 1 fire")).singleElement()
                    .satisfies(l -> assertThat(l.message()).endsWith("skipped (job.weekly.missed=skip)"));
            // Nothing is made: the skip is decided where a run would have started, and the next fire is a minute on.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> sandbox.ticketCount() == 0);
        }
    }

    /**
     * A gateway that knew the job stops; its cron's one fire a minute falls while it is down; then
     * it starts again (left running for the test to watch).
     */
    private void missedWhileDown(SandboxServer sandbox, String missed) throws Exception {
        GatewayTestRun.start(settings(sandbox, "0 0 0 1 1 ? 2099", missed)).stop();
        Instant fire = Instant.now().plusSeconds(1);
        // Past the fire's whole second: Quartz takes a cron second that has begun as still to come.
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > fire.getEpochSecond());
        String cron = fire.atOffset(ZoneOffset.UTC).getSecond() + " * * * * ?";
        GatewayTestRun second = GatewayTestRun.start(settings(sandbox, cron, missed));
        running.add(second);
    }


    private String[] settings(SandboxServer sandbox, String cron, String missed) throws Exception {
        return new String[] {"osticket.url", sandbox.url(), "osticket.api-key", "k",
            "management.port", String.valueOf(GatewayTestRun.freePort()), "gateway.data-dir", dir.toString(),
            "jobs.names", "weekly", "job.weekly.kind", "create", "job.weekly.cron", cron, "job.weekly.missed", missed,
            "job.weekly.subject", "Weekly check {date}", "job.weekly.message", "Check the backups.",
            "job.weekly.requester-email", "ops@example.com"};
    }
}
