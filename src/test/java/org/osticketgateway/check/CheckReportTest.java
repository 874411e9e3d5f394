package org.osticketgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which failures set the exit status: only those that stop a configured flow, or the start. */
class CheckReportTest {

    private static final Instant AT = Instant.parse("2026-12-01T17:00:00Z");

    private static CheckReport report(Set<Flow> configured, Finding... findings) {
        return new CheckReport("http://osticket.example.com/api", AT, configured, List.of(findings));
    }

    @Test
    void aFailureOfAFlowThatIsNotConfiguredIsShownAsAWarning() {
        CheckReport report = report(EnumSet.of(Flow.MAIL),
                Finding.fail("permission stats", "read stats: not allowed", EnumSet.of(Flow.EVENTS, Flow.REPORTS)));

        assertThat(report.exitStatus()).isZero();
        assertThat(report.lines()).contains("WARN  permission stats      read stats: not allowed (only events and "
                + "reports need this, and they are not configured)");
        assertThat(report.lines()).contains("OK    flow mail             can work on this server");
        assertThat(report.lines().get(report.lines().size() - 1))
                .isEqualTo("OK    result                every configured flow can work on this server (1 warning): "
                        + "exit status 0");
    }

    @Test
    void aFailureOfAConfiguredFlowSetsTheExitStatusAndIsNamedInItsSummary() {
        CheckReport report = report(EnumSet.of(Flow.MAIL, Flow.COMMANDS),
                Finding.fail("permission update", "update tickets: not allowed", EnumSet.of(Flow.MAIL, Flow.COMMANDS)),
                Finding.warn("subtickets", "every subticket call crashes"));

        assertThat(report.exitStatus()).isEqualTo(1);
        assertThat(report.blocked()).containsExactly(Flow.MAIL, Flow.COMMANDS);
        assertThat(report.lines()).contains("FAIL  flow commands         cannot work: see permission update",
                "FAIL  result                mail, commands cannot work on this server: exit status 1");
    }

    @Test
    void theConnectionIsAlwaysConfigured() {
        CheckReport report = report(Set.of(), Finding.fail("connection", "no answer", EnumSet.of(Flow.CONNECTION)));

        assertThat(report.exitStatus()).isEqualTo(1);
        assertThat(report.lines().get(1)).startsWith("Flows configured: none besides the connection; not configured: "
                + "mail (mail.mailboxes)");
        assertThat(report.lines()).contains("FAIL  result                the gateway would not start: exit status 1");
    }
}
