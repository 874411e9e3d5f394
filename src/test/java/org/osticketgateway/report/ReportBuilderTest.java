package org.osticketgateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.events.FirstReadPace;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** Reports counted against the sandbox's demo data, in both dialects. */
class ReportBuilderTest {

    private static SandboxServer sandbox(boolean plugin) throws Exception {
        return SandboxServer.start(0, plugin ? SandboxOptions.shippedPlugin("k") : SandboxOptions.withKey("k"), true);
    }

    private static ReportDefinition definition(String department) {
        return new ReportDefinition("t", "0 0 8 * * ?", "UTC", ReportPeriod.WEEK, department, false, List.of(), 5);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countsTheDemoDataTheSameInBothDialects(boolean plugin) throws Exception {
        try (SandboxServer server = sandbox(plugin);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(server.url(), "k"))) {
            client.createTicket(NewTicket.of("A", "a@example.com", "Late one", "m").withDepartment("Billing")
                    .withDueDate("2020-01-01"));
            StatsReport report = new ReportBuilder(client, null, Clock.systemUTC()).build(definition(null), null);
            Totals t = report.totals();
            assertThat(t.total()).isEqualTo(9);
            assertThat(t.open()).isEqualTo(7);
            assertThat(t.closed()).isEqualTo(2);
            assertThat(t.created()).isEqualTo(9);
            assertThat(t.assigned() + t.unassigned()).isEqualTo(t.open());
            assertThat(t.answered()).isEqualTo(1);
            assertThat(t.unanswered()).isEqualTo(6);
            assertThat(report.overdue()).extracting(OverdueTicket::subject)
                    .containsExactly("Late one", "Server Migration Project");
            assertThat(t.overdue()).isEqualTo(2);
            assertThat(report.byDepartment().stream().mapToLong(d -> d.open() + d.closed()).sum()).isEqualTo(9);
            // The plugin's stats do not count by status, and counting the closed ones would mean walking them.
            assertThat(report.byStatus()).extracting(CountLine::name).contains("Open").contains(plugin
                    ? new String[] {"closed (any closed status)"} : new String[] {"Resolved", "Closed"});
            assertThat(report.coverage()).contains("all 9 tickets").contains("the last 7 days");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDepartmentFilterCountsThatDepartmentOnly(boolean plugin) throws Exception {
        try (SandboxServer server = sandbox(plugin);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(server.url(), "k"))) {
            StatsReport report = new ReportBuilder(client, null, Clock.systemUTC()).build(definition("3"), null);
            assertThat(report.byDepartment()).extracting(DepartmentLine::department).containsExactly("IT Support");
            assertThat(report.totals().total()).isEqualTo(2);
            assertThat(report.coverage()).contains("of 3");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withTheEventsFlowOnTheReportCountsItsStateAndCallsOsTicketNot(boolean plugin, @TempDir Path data)
            throws Exception {
        try (SandboxServer server = sandbox(plugin);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(server.url(), "k"))) {
            client.createTicket(NewTicket.of("A", "a@example.com", "Late one", "m").withDepartment("Billing")
                    .withDueDate("2020-01-01"));
            Map<String, String> view = new ConcurrentHashMap<>();
            FileStateRepository state = new FileStateRepository(data.resolve("events.dat").toFile(), view);
            state.start();
            ChangeDetector events = new ChangeDetector(client, state, view, Clock.systemUTC(), Duration.ofSeconds(2),
                    "all", FirstReadPace.unpaced());
            events.poll(e -> { });
            StatsReport asked = new ReportBuilder(client, null, Clock.systemUTC()).build(definition(null), null);
            server.goOffline();

            StatsReport counted = new ReportBuilder(client, events.states(), Clock.systemUTC())
                    .build(definition(null), null);

            Totals expected = asked.totals();
            if (!plugin) {
                // The documented API's search items do not say whether a ticket was answered; only its stats do.
                expected = new Totals(expected.total(), expected.open(), expected.closed(), expected.overdue(), null,
                        null, expected.assigned(), expected.unassigned(), expected.created());
            }
            assertThat(counted.totals()).isEqualTo(expected);
            assertThat(counted.overdue()).isEqualTo(asked.overdue());
            assertThat(counted.byDepartment()).containsExactlyInAnyOrderElementsOf(asked.byDepartment());
            assertThat(counted.byStaff()).containsExactlyInAnyOrderElementsOf(asked.byStaff());
            assertThat(counted.byPriority()).containsExactlyInAnyOrderElementsOf(asked.byPriority());
            assertThat(counted.coverage()).contains("all 9 tickets").contains("no call to osTicket");
            server.comeBack();
            state.stop();
        }
    }
}
