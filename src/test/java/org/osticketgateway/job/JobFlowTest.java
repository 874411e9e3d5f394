package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.LogLines;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Each kind of job end to end, as the gateway runs it: the sandbox (both dialects) over HTTP as
 * osTicket, fires asked for on the management port or made by Quartz, results read back from
 * osTicket, the log and Kafka.
 */
class JobFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private SandboxServer sandbox;
    private OsTicketClient client;
    private GatewayTestRun gateway;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.stop();
        }
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void sandbox(String dialect) throws Exception {
        SandboxOptions options = switch (dialect) {
            case "reference" -> SandboxOptions.withKey("k");
            case "plugin" -> SandboxOptions.shippedPlugin("k");
            case "plugin-patched" -> SandboxOptions.shippedPlugin("k").patched();
            default -> throw new IllegalArgumentException(dialect);
        };
        sandbox = SandboxServer.start(0, options, false);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
    }

    private void gateway(String... settings) throws Exception {
        port = GatewayTestRun.freePort();
        List<String> all = new ArrayList<>(List.of("osticket.url", sandbox.url(), "osticket.api-key", "k",
                "management.port", String.valueOf(port), "gateway.data-dir", data.toString(),
                "jobs.retry-delay", "100"));
        all.addAll(List.of(settings));
        gateway = GatewayTestRun.start(all.toArray(String[]::new));
    }

    private HttpResponse<String> post(String job) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/jobs/" + job)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<TicketSummary> tickets(String subject) {
        return client.searchAll(SearchQuery.all().withQuery(subject)).toList();
    }

    private static String[] checklist(String... more) {
        return Stream.concat(Stream.of("jobs.names", "patching",
                "job.patching.kind", "create",
                "job.patching.cron", "0 0 6 1 * ?",
                "job.patching.subject", "Patching {month-name} {year}",
                "job.patching.message", "Monthly patching, week {week}.",
                "job.patching.requester-email", "it-ops@example.com",
                "job.patching.department", "Support",
                "job.patching.due-in-days", "7",
                "job.patching.children", "web-01, web-02, db-01",
                "job.patching.child-subject", "Patch {child} ({month-name})"), Stream.of(more)).toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "plugin-patched"})
    void aChecklistIsAParentWithEachChildLinkedUnderIt(String dialect) throws Exception {
        sandbox(dialect);
        try (KafkaBroker kafka = KafkaBroker.start();
             KafkaConsumer<String, byte[]> results = kafka.consumer("osticket.command-results")) {
            kafka.createTopics(1, "osticket.command-results");
            gateway(checklist("job.patching.assignee", "john.doe", "jobs.publish-results", "true",
                    "kafka.bootstrap-servers", kafka.bootstrapServers()));

            HttpResponse<String> answer = post("patching");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("fire patching@manual-").contains("7 applied");
            List<TicketSummary> parents = tickets("Patching ");
            assertThat(parents).hasSize(1);
            Ticket parent = client.getTicket(TicketRef.ofNumber(parents.get(0).number()));
            assertThat(parent.department()).isEqualTo("Support");
            assertThat(parent.assignee()).isNotBlank();
            assertThat(parent.dueDate()).isNotNull();
            assertThat(parent.thread().get(0).body()).contains("Monthly patching, week ")
                    .contains("[osticket-gateway job patching@manual-");
            assertThat(client.listChildren(TicketRef.ofNumber(parent.number())).stream().map(RelatedTicket::subject))
                    .hasSize(3).allMatch(s -> s.startsWith("Patch ")).anyMatch(s -> s.startsWith("Patch db-01 ("));
            List<JsonNode> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : KafkaBroker.drain(results, new ArrayList<>())) {
                    events.add(JSON.readTree(record.value()));
                }
                return events.size() >= 7;
            });
            assertThat(events).hasSize(7).allSatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("osticket.job.result");
                assertThat(e.at("/data/status").asText()).isEqualTo("applied");
            });
            assertThat(events.stream().map(e -> e.at("/data/action").asText()))
                    .containsOnly("create", "link").filteredOn("link"::equals).hasSize(3);
        }
    }

    @Test
    void aFireStoppedByAFailureOsTicketKeepsUpIsCompletedByTheJobsNextFire() throws Exception {
        sandbox("reference");
        sandbox.failCreatesContaining("/child-2]");
        try (LogLines log = LogLines.capture()) {
            gateway(checklist("jobs.retries", "1"));

            HttpResponse<String> stopped = post("patching");

            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.body()).startsWith("fire patching@manual-").contains(" stopped: ");
            assertThat(log.containing("stopped after retries")).hasSize(1);
            String cut = stopped.body().substring("fire ".length(), stopped.body().indexOf(" stopped"));

            sandbox.failCreatesContaining(null);
            String next = post("patching").body();

            // The first fire's results again, those done before it stopped included (same event ids), then the new fire's.
            assertThat(next).contains("Job patching (fire " + cut + "): create").contains("14 applied");
            assertThat(log.containing("completing fire " + cut + ", cut short")).hasSize(1);
            List<TicketSummary> parents = tickets("Patching ");
            assertThat(parents).hasSize(2);
            assertThat(parents).allSatisfy(p -> assertThat(client.listChildren(TicketRef.ofNumber(p.number())))
                    .extracting(RelatedTicket::subject).hasSize(3).doesNotHaveDuplicates());
        }
    }

    @Test
    void whereTheSubticketEndpointsCrashChildrenAreCreatedWithTheirParentSet() throws Exception {
        sandbox("plugin");
        try (LogLines log = LogLines.capture()) {
            gateway(checklist());

            assertThat(post("patching").body()).contains("4 applied");

            assertThat(JobRestartTest.childrenInGetAnswer(sandbox, tickets("Patching ").get(0).number())).isEqualTo(3);
            assertThat(log.containing("its parent set on create: this osTicket's subticket endpoints crash"))
                    .hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "plugin"})
    void anUpdateJobOnQuartzChangesWhatItsSearchFindsAtMostTheCapEachFire(String dialect) throws Exception {
        sandbox(dialect);
        for (int i = 1; i <= 5; i++) {
            client.createTicket(NewTicket.of("Ann", "ann@example.com", "Stale " + i, "m")
                    .withDueDate("2020-01-0" + i));
        }
        client.createTicket(NewTicket.of("Ann", "ann@example.com", "Stale but not due", "m"));
        try (LogLines log = LogLines.capture()) {
            gateway("jobs.names", "close-stale",
                    "job.close-stale.kind", "update",
                    "job.close-stale.cron", "* * * * * ?",
                    "job.close-stale.search.query", "Stale",
                    "job.close-stale.search.status", "Open",
                    "job.close-stale.search.older-than-hours", "24",
                    "job.close-stale.search.age-by", "due",
                    "job.close-stale.set.status", "Closed",
                    "job.close-stale.note", "Closed by {job} on {date}",
                    "job.close-stale.max-per-run", "2");

            await().atMost(Duration.ofSeconds(20)).until(() -> tickets("Stale").stream()
                    .filter(t -> t.status().equals("Closed")).count() == 5);

            List<String> applied = log.containing("Job close-stale (fire close-stale@").stream()
                    .map(LogLines.Line::message).filter(m -> m.contains(": applied")).toList();
            assertThat(applied).hasSize(5);
            Map<String, Long> perFire = applied.stream().collect(Collectors.groupingBy(
                    m -> m.substring(m.indexOf("(fire "), m.indexOf(')')), Collectors.counting()));
            assertThat(perFire.values()).allMatch(n -> n <= 2);
            assertThat(log.containing("max-per-run 2 reached: 3 more left for the next fire")).hasSize(1);
            assertThat(tickets("Stale but not due").get(0).status()).isEqualTo("Open");
            Ticket first = client.getTicket(TicketRef.ofNumber(tickets("Stale 1").get(0).number()));
            assertThat(first.thread()).anyMatch(e -> e.body().contains("Closed by close-stale on "));
        }
    }

    @Test
    void aCappedEscalationWithANoteReachesEveryTicketOnceAcrossFires() throws Exception {
        sandbox("reference");
        for (int i = 1; i <= 5; i++) {
            client.createTicket(NewTicket.of("Ann", "ann@example.com", "Late " + i, "m").withDueDate("2020-01-0" + i));
        }
        gateway("jobs.names", "escalate",
                "job.escalate.kind", "update",
                "job.escalate.cron", "0 0 0 1 1 ? 2099",
                "job.escalate.search.query", "Late",
                "job.escalate.search.status", "Open",
                "job.escalate.search.older-than-hours", "24",
                "job.escalate.search.age-by", "due",
                "job.escalate.set.priority", "High",
                "job.escalate.note", "Escalated by {job}",
                "job.escalate.max-per-run", "2");

        // The tickets stay open and found, and a summary cannot show a note: the job remembers what it
        // changed, so the cap reaches all five over three fires and a fourth leaves them alone.
        assertThat(post("escalate").body()).contains(": 2 applied, 1 skipped");
        assertThat(post("escalate").body()).contains(": 2 applied, 1 skipped");
        assertThat(post("escalate").body()).contains(": 1 applied\n");
        assertThat(post("escalate").body()).contains(": nothing to do");
        for (TicketSummary late : tickets("Late")) {
            assertThat(late.priority()).isEqualTo("High");
            Ticket ticket = client.getTicket(TicketRef.ofNumber(late.number()));
            assertThat(ticket.thread().stream().filter(e -> e.body().contains("Escalated by escalate")))
                    .as("notes on %s", late.subject()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "plugin-patched"})
    void aLinkJobLinksWhatItsSearchFindsUnderTheParentOnce(String dialect) throws Exception {
        sandbox(dialect);
        String incident = client.createTicket(NewTicket.of("Ops", "ops@example.com", "INC-42 mail outage", "m"))
                .number();
        for (int i = 1; i <= 3; i++) {
            client.createTicket(NewTicket.of("Bob", "bob@example.com", "Cannot send mail (INC-42) " + i, "m"));
        }
        client.createTicket(NewTicket.of("Bob", "bob@example.com", "Printer jam", "m"));
        gateway("jobs.names", "incident",
                "job.incident.kind", "link",
                "job.incident.cron", "0 0 0 1 1 ?",
                "job.incident.parent", incident,
                "job.incident.search.query", "INC-42");

        assertThat(post("incident").body()).contains("3 applied");
        assertThat(post("incident").body()).contains("nothing to do");

        assertThat(client.listChildren(TicketRef.ofNumber(incident)).stream().map(RelatedTicket::subject))
                .hasSize(3).allMatch(s -> s.startsWith("Cannot send mail (INC-42) "));
    }

    @Test
    void aLinkJobWhereTheSubticketEndpointsCrashSaysSoAndLinksNothing() throws Exception {
        sandbox("plugin");
        String incident = client.createTicket(NewTicket.of("Ops", "ops@example.com", "INC-7 outage", "m")).number();
        client.createTicket(NewTicket.of("Bob", "bob@example.com", "Down (INC-7)", "m"));
        gateway("jobs.names", "incident", "job.incident.kind", "link", "job.incident.cron", "0 0 0 1 1 ?",
                "job.incident.parent", incident, "job.incident.search.query", "INC-7");

        assertThat(post("incident").body()).contains("1 failed")
                .contains("nothing linked: this osTicket's subticket endpoints crash");
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndChangesNothing() throws Exception {
        sandbox("reference");
        client.createTicket(NewTicket.of("Ann", "ann@example.com", "Old request", "m"));
        gateway(Stream.concat(Stream.of(checklist("job.patching.dry-run", "true")), Stream.of(
                "jobs.names", "patching,close-old",
                "job.close-old.kind", "update",
                "job.close-old.cron", "0 0 0 1 1 ?",
                "job.close-old.dry-run", "true",
                "job.close-old.search.query", "Old",
                "job.close-old.set.status", "Closed")).toArray(String[]::new));
        int before = sandbox.ticketCount();

        String created = post("patching").body();
        String updated = post("close-old").body();

        assertThat(created).contains("7 dry-run").contains("would create 'Patching ")
                .contains("would create 'Patch web-02 (");
        assertThat(updated).contains("1 dry-run").contains("would set status Closed on 'Old request'");
        assertThat(sandbox.ticketCount()).isEqualTo(before);
        assertThat(tickets("Old request").get(0).status()).isEqualTo("Open");
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        sandbox("reference");
        gateway();
        HttpResponse<String> answer = post("nope");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("no job named 'nope' (jobs.names)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "plugin"})
    void aBadDefinitionStopsStartUpWithASentenceNamingItsKey(String dialect) throws Exception {
        sandbox(dialect);
        String[] update = {"jobs.names", "j", "job.j.kind", "update", "job.j.cron", "0 0 * * * ?",
            "job.j.search.query", "x", "job.j.set.status", "Closed"};

        assertThatThrownBy(() -> gateway(with(update, "job.j.search.status", "Resolvd")))
                .hasMessageStartingWith("job.j.search.status 'Resolvd' is not a status osTicket knows");
        assertThatThrownBy(() -> gateway(with(update, "job.j.set.department", "Suport")))
                .hasMessageStartingWith("job.j.set.department 'Suport': osTicket does not know it");
        assertThatThrownBy(() -> gateway(with(update, "job.j.cron", "0 0 0 1 1 ? 2020")))
                .hasMessage("job.j.cron never fires again ('0 0 0 1 1 ? 2020')");
        assertThatThrownBy(() -> gateway(with(update, "job.j.note", "Closed in {montth}")))
                .hasMessageStartingWith("job.j.note uses {montth}, which is no placeholder");
    }

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
