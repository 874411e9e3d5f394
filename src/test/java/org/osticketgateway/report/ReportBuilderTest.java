package org.osticketgateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
            StatsReport report = new ReportBuilder(client, Clock.systemUTC()).build(definition(null), null);
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
            assertThat(report.byStatus()).extracting(CountLine::name).contains("Open", "Resolved", "Closed");
            assertThat(report.coverage()).contains("all 9 tickets").contains("the last 7 days");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDepartmentFilterCountsThatDepartmentOnly(boolean plugin) throws Exception {
        try (SandboxServer server = sandbox(plugin);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(server.url(), "k"))) {
            StatsReport report = new ReportBuilder(client, Clock.systemUTC()).build(definition("3"), null);
            assertThat(report.byDepartment()).extracting(DepartmentLine::department).containsExactly("IT Support");
            assertThat(report.totals().total()).isEqualTo(2);
            assertThat(report.coverage()).contains("of 3");
        }
    }
}
