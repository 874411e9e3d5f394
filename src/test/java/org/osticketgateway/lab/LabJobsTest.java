package org.osticketgateway.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.osticketgateway.GatewayProcess;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * A job of each kind, run by the gateway jar against a real osTicket 1.18.1 with the API Endpoints
 * plugin v2.3.4 (the lab kit's, {@code -Dlab.env=<lab folder>/lab.env}; skipped without one): first
 * as shipped (its subticket endpoints crash), then with that crash patched, each with a gateway of
 * its own started after its tickets exist. Everything goes through a {@link RecordingProxy}; outcomes
 * are read back from osTicket directly. Writes {@code target/lab/LAB-JOBS.md}; on a fresh lab the
 * recordings go to {@code src/test/resources/lab-osticket-1.18.1/jobs-*}, which LabRecordingsTest replays.
 */
@EnabledIfSystemProperty(named = "lab.env", matches = ".+")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LabJobsTest {

    private static final String RUN = "JobLab " + UUID.randomUUID().toString().substring(0, 6);
    private static final Path OUT = Path.of("target", "lab");
    private static final Path RECORDINGS = OUT.resolve("job-recordings");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabReport report = new LabReport();
    private final HttpClient http = HttpClient.newHttpClient();
    private LabEnvironment lab;
    private RecordingProxy proxy;
    private Path dir;
    private int port;

    @Test
    void aJobOfEachKindOnTheRealOsTicket() throws Exception {
        Path jar = Path.of("target", "osticket-gateway.jar");
        assertThat(jar).as("the gateway jar: build it first with mvn -B -q package -DskipTests").exists();
        lab = LabEnvironment.read(Path.of(System.getProperty("lab.env")));
        SubticketPatch patch = new SubticketPatch(Path.of(System.getProperty("lab.subticket-patch",
                "/work/shared/tools/osticket-lab/subticket-patch.sh")), lab.dir());
        patch.revert();
        dir = Files.createTempDirectory("lab-jobs");
        LabSuiteTest.deleteTree(RECORDINGS);
        String kept = "";
        try (OsTicketClient osticket = new OsTicketClient(OsTicketSettings.of(lab.apiUrl(), lab.apiKey()))) {
            boolean fresh = osticket.searchTickets(SearchQuery.all().withPage(1, 0)).tickets().isEmpty();
            proxy = RecordingProxy.start(URI.create(lab.apiUrl()), lab.keyRoles(), RECORDINGS.resolve("jobs-stock"));
            try {
                stock(osticket, jar);
                proxy.recordInto(RECORDINGS.resolve("jobs-subtickets-patched"));
                report.finding("subticket-patch.sh apply: " + patch.apply());
                patched(osticket, jar);
            } finally {
                patch.revert();
                proxy.close();
                kept = LabSuiteTest.keepRecordings(RECORDINGS, fresh);
                Files.copy(dir.resolve("gateway.log"), OUT.resolve("gateway-jobs.log"),
                        StandardCopyOption.REPLACE_EXISTING);
                report.write(OUT.resolve("LAB-JOBS.md"), "LabJobsTest", "The gateway jar (`java -jar "
                        + "target/osticket-gateway.jar`, settings from the environment) with one job of each kind, "
                        + "fired with `POST /jobs/<name>`, against the lab at " + lab.apiUrl() + " through a recording "
                        + "proxy; outcomes read back from osTicket directly. Run tag `" + RUN + "`. " + kept);
            }
        }
        assertThat(report.failed("jobs (stock)")).as("stock checks not as intended").isEmpty();
        assertThat(report.failed("jobs (patched)")).as("patched checks not as intended").isEmpty();
    }

    /** The plugin as shipped: a checklist's children get their parent on create; a link job says it cannot link. */
    private void stock(OsTicketClient osticket, Path jar) throws Exception {
        String flow = "jobs (stock)";
        try (OsTicketClient viaProxy = new OsTicketClient(OsTicketSettings.of(proxy.url(), lab.apiKey()))) {
            for (int i = 1; i <= 3; i++) {
                viaProxy.createTicket(ticket(RUN + " stale " + i).withDueDate("2020-01-0" + i));
            }
            // osTicket keeps created times in whole seconds and orders equal ones as it likes: the newest
            // tickets, which the gateway's first search at start returns, are all of one kind (no due date),
            // so that the sandbox, replaying, returns one like them.
            Instant staleMade = Instant.now();
            await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().getEpochSecond() > staleMade.getEpochSecond());
            viaProxy.createTicket(ticket(RUN + " stale but not due"));
            String incident = viaProxy.createTicket(ticket(RUN + " INC-S outage")).number();
            viaProxy.createTicket(ticket(RUN + " mail down INC-S"));
            badDefinition(flow, jar, incident, "JOB_CHECKLIST_DEPARTMENT", "IT Operatons",
                    "job.checklist.department 'IT Operatons': osTicket does not know it");
            badDefinition(flow, jar, incident, "JOB_CLOSE_STALE_SEARCH_STATUS", "Opne",
                    "job.close-stale.search.status 'Opne' is not a status osTicket knows");
            GatewayProcess gateway = gateway(jar, incident, "INC-S", Map.of());
            try {
                String answer = post("checklist");
                report.finding("POST /jobs/checklist (stock): " + answer);
                Ticket parent = parentOf(osticket, "Patching");
                Ticket child = osticket.getTicket(TicketRef.ofNumber(osticket.searchAll(SearchQuery.all()
                        .withQuery(RUN + " Patch web-01")).findFirst().orElseThrow().number()));
                int children = childrenInGetAnswer(parent.number());
                report.check(flow, "create: a checklist (parent in IT Operations, priority High, assigned to john.doe, "
                        + "due in 7 days; children web-01, db-01)", "parent #" + parent.number() + " '" + parent.subject()
                        + "', " + parent.department() + ", " + parent.priority() + ", assignee " + parent.assignee()
                        + ", due " + parent.dueDate() + "; " + children + " children in its get answer; child '"
                        + child.subject() + "'", children == 2 && "IT Operations".equals(parent.department())
                        && "High".equals(parent.priority()) && parent.assignee() != null && parent.dueDate() != null);
                report.check(flow, "… the children were created with their parent set, and the job says why",
                        answer.lines().filter(l -> l.contains("subticket endpoints crash")).count() + " result lines "
                                + "say the subticket endpoints crash", answer.lines()
                                .filter(l -> l.contains("its parent set on create")).count() == 2);

                String first = post("close-stale");
                String second = post("close-stale");
                report.finding("POST /jobs/close-stale twice: " + first + " / " + second);
                List<TicketSummary> stale = osticket.searchAll(SearchQuery.all().withQuery(RUN + " stale")).toList();
                Ticket one = osticket.getTicket(TicketRef.ofNumber(stale.stream().filter(t -> t.subject()
                        .endsWith("stale 1")).findFirst().orElseThrow().number()));
                report.check(flow, "update: close tickets due over 24 h ago, a note, max 2 a run; run twice",
                        "first run: " + first.lines().findFirst().orElse("") + "; second: " + second.lines().findFirst()
                                .orElse("") + "; statuses " + stale.stream().map(t -> t.subject().substring(RUN.length())
                                + "=" + t.status()).toList() + "; note on 'stale 1': " + one.thread().stream()
                                .anyMatch(e -> e.body().contains("Closed by close-stale")),
                        first.contains("2 applied") && first.contains("1 skipped") && second.contains("1 applied")
                                && stale.stream().filter(t -> t.subject().contains("stale but not due"))
                                .allMatch(t -> t.status().equals("Open")) && stale.stream().filter(t -> !t.subject()
                                .contains("not due")).allMatch(t -> t.status().equals("Closed")));

                String link = post("incident");
                report.check(flow, "link: tickets naming INC-S under #" + incident, link.lines().skip(1).findFirst()
                        .orElse(""), link.contains("1 failed") && link.contains("subticket endpoints crash"));
            } finally {
                gateway.stop();
            }
        }
    }

    /** The subticket crash patched: a checklist's children are linked, a link job links. */
    private void patched(OsTicketClient osticket, Path jar) throws Exception {
        String flow = "jobs (patched)";
        try (OsTicketClient viaProxy = new OsTicketClient(OsTicketSettings.of(proxy.url(), lab.apiKey()))) {
            String incident = viaProxy.createTicket(ticket(RUN + " INC-P outage")).number();
            viaProxy.createTicket(ticket(RUN + " VPN down INC-P"));
            viaProxy.createTicket(ticket(RUN + " no VPN INC-P"));
            GatewayProcess gateway = gateway(jar, incident, "INC-P", Map.of());
            try {
                String answer = post("checklist");
                report.finding("POST /jobs/checklist (patched): " + answer);
                List<String> parents = osticket.searchAll(SearchQuery.all().withQuery(RUN + " Patching"))
                        .map(TicketSummary::number).toList();
                String parent = parents.stream().filter(n -> !osticket.listChildren(TicketRef.ofNumber(n)).isEmpty()
                        && answer.contains("#" + n)).findFirst().orElse("none");
                List<RelatedTicket> children = parent.equals("none") ? List.of()
                        : osticket.listChildren(TicketRef.ofNumber(parent));
                report.check(flow, "create: the checklist again, children linked through the subticket API",
                        answer.lines().findFirst().orElse("") + "; children of #" + parent + ": " + children.stream()
                                .map(RelatedTicket::subject).toList(), children.size() == 2
                                && answer.contains("5 applied") && answer.lines().filter(l -> l.contains(": link #"))
                                .count() == 2);

                String link = post("incident");
                String again = post("incident");
                List<RelatedTicket> linked = osticket.listChildren(TicketRef.ofNumber(incident));
                report.check(flow, "link: tickets naming INC-P under #" + incident + ", run twice", link.lines()
                        .findFirst().orElse("") + " / " + again.lines().findFirst().orElse("") + "; children: "
                        + linked.stream().map(RelatedTicket::subject).toList(), linked.size() == 2
                        && link.contains("2 applied") && again.contains("nothing to do"));
            } finally {
                gateway.stop();
            }
        }
    }

    /** A gateway with one setting wrong does not start, and says why in one sentence naming the key. */
    private void badDefinition(String flow, Path jar, String incident, String variable, String value, String sentence)
            throws Exception {
        String said;
        try {
            gateway(jar, incident, "INC-S", Map.of(variable, value)).stop();
            said = "it started";
        } catch (IllegalStateException e) {
            said = e.getMessage().lines().filter(l -> l.contains("Not starting:")).findFirst().orElse(e.getMessage());
        }
        report.check(flow, "start-up with " + variable + "=" + value, said.substring(Math.max(0, said.indexOf("Not starting:"))),
                said.contains("Not starting: " + sentence));
    }

    private GatewayProcess gateway(Path jar, String incident, String incidentTag, Map<String, String> wrong)
            throws Exception {
        port = GatewayTestRun.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("OSTICKET_URL", proxy.url());
        env.put("OSTICKET_API_KEY", lab.apiKey());
        env.put("MANAGEMENT_PORT", String.valueOf(port));
        env.put("GATEWAY_DATA_DIR", dir.resolve("data").toString());
        // One job of each kind, as a user sets them: environment variables.
        """
                JOBS_NAMES=checklist,close-stale,incident
                JOB_CHECKLIST_KIND=create
                JOB_CHECKLIST_CRON=0 0 6 1 * ?
                JOB_CHECKLIST_TIMEZONE=Europe/Berlin
                JOB_CHECKLIST_SUBJECT=%1$s Patching {month-name} {year}
                JOB_CHECKLIST_MESSAGE=Monthly patching, week {week}. Every system below, then close this.
                JOB_CHECKLIST_REQUESTER_EMAIL=it-ops@example.com
                JOB_CHECKLIST_DEPARTMENT=IT Operations
                JOB_CHECKLIST_PRIORITY=High
                JOB_CHECKLIST_ASSIGNEE=john.doe
                JOB_CHECKLIST_DUE_IN_DAYS=7
                JOB_CHECKLIST_CHILDREN=web-01, db-01
                JOB_CHECKLIST_CHILD_SUBJECT=%1$s Patch {child}
                JOB_CLOSE_STALE_KIND=update
                JOB_CLOSE_STALE_CRON=0 30 2 * * ?
                JOB_CLOSE_STALE_SEARCH_QUERY=%1$s stale
                JOB_CLOSE_STALE_SEARCH_STATUS=Open
                JOB_CLOSE_STALE_SEARCH_OLDER_THAN_HOURS=24
                JOB_CLOSE_STALE_SEARCH_AGE_BY=due
                JOB_CLOSE_STALE_SET_STATUS=Closed
                JOB_CLOSE_STALE_NOTE=Closed by {job} on {date}: overdue since long.
                JOB_CLOSE_STALE_MAX_PER_RUN=2
                JOB_INCIDENT_KIND=link
                JOB_INCIDENT_CRON=0 */5 * * * ?
                JOB_INCIDENT_PARENT=%2$s
                """.formatted(RUN, incident).lines().forEach(line ->
                        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        env.put("JOB_INCIDENT_SEARCH_QUERY", incidentTag);
        env.putAll(wrong);
        GatewayProcess gateway = GatewayProcess.ofJar(jar, env, dir.resolve("gateway.log"));
        gateway.start();
        return gateway;
    }

    private NewTicket ticket(String subject) {
        return NewTicket.of("Lab Jobs", "lab-jobs@example.com", subject, "Made for " + RUN + ".");
    }

    private String post(String job) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/" + job))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private Ticket parentOf(OsTicketClient osticket, String what) {
        return osticket.getTicket(TicketRef.ofNumber(osticket.searchAll(SearchQuery.all().withQuery(RUN + " " + what))
                .findFirst().orElseThrow().number()));
    }

    /** The children the plugin's get answer lists (internal ids), read directly from the lab. */
    private int childrenInGetAnswer(String number) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(lab.apiUrl() + "/tickets-get.php/" + number
                + ".json")).header("X-API-Key", lab.apiKey()).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("children").size();
    }
}
