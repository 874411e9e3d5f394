package org.osticketgateway.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.lab.LabEnvironment;
import org.osticketgateway.lab.RecordingProxy;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;
import org.osticketgateway.sandbox.TimingProfile;

/**
 * What the events flow, stats events and a daily report cost osTicket as the helpdesk grows: on
 * the sandbox with the realistic timing profile at 1,000 / 10,000 / 100,000 tickets, and (with
 * {@code -Dlab.env=<lab.env>}) once on a real osTicket. Writes its sections of BENCHMARKS.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelpdeskCostBenchmark {

    private static final BenchmarkTable TABLE = new BenchmarkTable();

    @TempDir
    static Path dir;

    @AfterAll
    static void write() throws IOException {
        TABLE.write(Path.of("BENCHMARKS.md"));
    }

    @Test
    @Order(1)
    void onTheRealisticSandboxAsTheHelpdeskGrows() throws Exception {
        TABLE.section("Events and reports as the helpdesk grows", "What the events flow (defaults: poll-delay 10 s, "
                + "server-share 0.02, a sweep every 30 polls), stats events every 15 minutes and a daily report cost "
                + "osTicket, on the sandbox (plugin dialect) with the realistic timing profile counted but not waited "
                + "for (`TimingProfile.realistic().withoutWaiting()`: a search costs 38.9 ms + 0.154 ms a matching "
                + "ticket, stats 0.173 ms a ticket, as measured on the lab). The tickets in seven departments, one in ten "
                + "open. Each step "
                + "is run once and its server time read from the sandbox; an hour is the gateway's own PollBudget run "
                + "on a simulated clock with those costs (each poll what one poll cost, each sweep what one sweep "
                + "cost). Stats events and the report count from the events flow's state (the defaults): no call. "
                + "Goals at 100,000 tickets: at most 5% of the server's time, a report in at most 60 s of it.",
                "tickets", "poll: calls, server time", "poll interval, polls an hour", "sweep: calls, server time",
                "server time an hour (share)", "daily report: from the state / from osTicket",
                "events start (once)");
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("k"), false);
                 OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
                sandbox.addTickets(size, "Bulk");
                spread(sandbox, client, size);
                // The spreading updated every ticket within seconds: past the poller's two-second overlap, one
                // change, so that a poll re-reads only that one as it would on a helpdesk at work.
                Instant spreadEnd = Instant.now();
                await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(spreadEnd.plusSeconds(3)));
                String one = client.searchTickets(SearchQuery.all().withPage(1, 0)).tickets().get(0).number();
                client.updateTicket(TicketRef.ofNumber(one), TicketUpdate.none().withNote("after the spreading"));
                sandbox.timing(TimingProfile.realistic().withoutWaiting());
                HelpdeskCost.Measured m = new HelpdeskCost(client,
                        () -> sandbox.callCounts().values().stream().mapToLong(Long::longValue).sum(),
                        sandbox::serverTime).measure(Files.createDirectories(dir.resolve("sandbox-" + size)));
                HelpdeskCost.Hour hour = HelpdeskCost.hour(m.poll(), m.sweep());
                TABLE.row(String.format("%,d", size), m.poll().calls() + ", " + m.poll().seconds(),
                        hour.pollInterval().toSeconds() + " s, " + hour.polls(),
                        m.sweep().calls() + ", " + m.sweep().seconds(),
                        String.format("%,.0f s (%.2f%%)", hour.serverTime().toMillis() / 1000.0, hour.share() * 100),
                        m.reportFromState().calls() + " calls, " + m.reportFromState().seconds() + " / "
                                + m.reportFromServer().calls() + " calls, " + m.reportFromServer().seconds(),
                        m.start().calls() + " calls, " + m.start().seconds());
            }
        }
    }

    /**
     * Spreads the tickets over seven departments and closes nine in ten, at full speed, four at a
     * time: a helpdesk as it is, most of it closed. Plain PATCH calls: the client's update would also
     * fetch each ticket, which the sandbox answers by scanning every ticket for its children.
     */
    private static void spread(SandboxServer sandbox, OsTicketClient client, int size) throws Exception {
        String[] departments = {"Support", "Sales", "IT Support", "Billing", "Development", "IT Operations", "QA"};
        List<String> numbers = client.searchAll(SearchQuery.all()).limit(size).map(t -> t.number()).toList();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> updates = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                String body = "{\"departmentId\":\"" + departments[i % 7] + "\""
                        + (i % 10 == 0 ? "" : ",\"statusId\":\"Closed\"") + "}";
                HttpRequest patch = HttpRequest.newBuilder(URI.create(sandbox.url() + "/tickets-update.php/"
                                + numbers.get(i) + ".json"))
                        .header("X-API-Key", "k").header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
                updates.add(pool.submit(() -> {
                    HttpResponse<String> answer = http.send(patch, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("update answered " + answer.statusCode() + ": "
                                + answer.body());
                    }
                    return null;
                }));
            }
            for (Future<?> done : updates) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @Order(2)
    @EnabledIfSystemProperty(named = "lab.env", matches = ".+")
    void onTheLab() throws Exception {
        LabEnvironment lab = LabEnvironment.read(Path.of(System.getProperty("lab.env")));
        AtomicLong calls = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        try (OsTicketClient client = new OsTicketClient(OsTicketSettings.of(lab.apiUrl(), lab.apiKey()))) {
            client.onApiCall((operation, status, took) -> {
                calls.incrementAndGet();
                nanos.addAndGet(took);
            });
            Stats stats = client.getStats(StatsQuery.all());
            long total = stats.global().total();
            String department = stats.byDepartment().get(0).name();
            String number = client.searchTickets(SearchQuery.all().withPage(1, 0)).tickets().get(0).number();
            TABLE.section("Checked on a real osTicket: what a call costs", "osTicket 1.18.1 with API Endpoints v2.3.4 "
                    + "(the lab, MariaDB, PHP-FPM, on this machine, shared with other work: absolute times are noisy) "
                    + "holding " + String.format("%,d", total) + " tickets (" + stats.global().open() + " open). Each "
                    + "call's median of 3, from request to answer; a few raw exchanges are kept in "
                    + "`src/test/resources/lab-costs-osticket-1.18.1/` (not replayed: they hold the lab's tickets). "
                    + "A search or stats call costs time in proportion to the tickets it matches, whatever its limit: that is what the sandbox's realistic profile "
                    + "charges.", "call", "tickets it matches", "time", "per matching ticket");
            record Probe(String name, long matching, Runnable call) {
            }
            List<Probe> probes = List.of(
                    new Probe("search, no filter, limit 1", total,
                            () -> client.searchTickets(SearchQuery.all().withPage(1, 0))),
                    new Probe("search sorted by updated, limit 100 (an events poll)", total,
                            () -> client.searchTickets(SearchQuery.all().withPage(100, 0)
                                    .withSort(SortField.UPDATED, SortOrder.DESC))),
                    new Probe("search status=Open, limit 1", stats.global().open(),
                            () -> client.searchTickets(SearchQuery.all().withStatus("Open").withPage(1, 0))),
                    new Probe("search status=Closed, limit 1", stats.global().closed(),
                            () -> client.searchTickets(SearchQuery.all().withStatus("Closed").withPage(1, 0))),
                    new Probe("search department=" + department + ", limit 1", stats.byDepartment().get(0).total(),
                            () -> client.searchTickets(SearchQuery.all().withDepartment(department).withPage(1, 0))),
                    new Probe("search query matching no subject", 0,
                            () -> client.searchTickets(SearchQuery.all().withQuery("no such subject 18")
                                    .withPage(1, 0))),
                    new Probe("stats (reads every ticket)", total, () -> client.getStats(StatsQuery.all())),
                    new Probe("get one ticket", 1, () -> client.getTicket(TicketRef.ofNumber(number))));
            for (Probe probe : probes) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    probe.call().run();
                    times.add((System.nanoTime() - start) / 1e6);
                }
                double median = BenchmarkTable.percentile(times, 50);
                TABLE.row(probe.name(), String.format("%,d", probe.matching()), BenchmarkTable.ms(median),
                        probe.matching() > 1 ? String.format("%.2f ms", median / probe.matching()) : "—");
            }
            record(lab);
            HelpdeskCost.Measured measured = new HelpdeskCost(client, calls::get, () -> Duration.ofNanos(nanos.get()))
                    .measure(Files.createDirectories(dir.resolve("lab")));
            TABLE.section("Checked on a real osTicket: the events flow and a report", "The same steps as on the "
                    + "sandbox (below), on the lab of the section above: API calls and their time from request to "
                    + "answer.", "step", "API calls", "server time");
            rows(measured);
            HelpdeskCost.Hour hour = HelpdeskCost.hour(measured.poll(), measured.sweep());
            TABLE.row("an hour with the defaults: " + hour.polls() + " polls (every " + hour.pollInterval().toSeconds()
                    + " s), " + hour.sweeps() + " sweeps; stats events and the daily report from the state",
                    "—", String.format("%,.1f s = %.2f%% of the hour", hour.serverTime().toMillis() / 1000.0,
                            hour.share() * 100));
        }
    }

    private static void rows(HelpdeskCost.Measured measured) {
        TABLE.row("events start (start=now: every ticket read once)", measured.start().calls(),
                measured.start().seconds());
        TABLE.row("one poll, no change", measured.poll().calls(), measured.poll().seconds());
        TABLE.row("one sweep (due dates from the state, deletions by stats)", measured.sweep().calls(),
                measured.sweep().seconds());
        TABLE.row("daily report counted from osTicket (events flow off)", measured.reportFromServer().calls(),
                measured.reportFromServer().seconds());
        TABLE.row("daily report from the events flow's state", measured.reportFromState().calls(),
                measured.reportFromState().seconds());
    }

    /** One exchange of each probe, through a recording proxy, as the lab answered it. */
    private static void record(LabEnvironment lab) throws Exception {
        Path folder = Path.of("target", "lab", "cost-recordings");
        try (RecordingProxy proxy = RecordingProxy.start(URI.create(lab.apiUrl()), lab.keyRoles(), folder);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(proxy.url(), lab.apiKey()))) {
            client.searchTickets(SearchQuery.all().withPage(1, 0));
            client.searchTickets(SearchQuery.all().withStatus("Closed").withPage(1, 0));
            client.searchTickets(SearchQuery.all().withQuery("no such subject 18").withPage(1, 0));
            client.getStats(StatsQuery.all());
        }
    }
}
