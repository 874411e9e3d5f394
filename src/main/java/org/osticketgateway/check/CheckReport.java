package org.osticketgateway.check;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the check found about one osTicket, against the flows the configuration switches on: the
 * lines it prints and its exit status (0 when every configured flow can work, 1 otherwise).
 */
public record CheckReport(String target, Instant at, Set<Flow> configured, List<Finding> findings) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public CheckReport {
        EnumSet<Flow> flows = EnumSet.of(Flow.CONNECTION);
        flows.addAll(configured);
        configured = Collections.unmodifiableSet(flows);
        findings = findings.stream().map(f -> f.seenWith(flows)).toList();
    }

    public int exitStatus() {
        return blocked().isEmpty() ? 0 : 1;
    }

    /** The configured flows (and the connection) that a failure stops. */
    public Set<Flow> blocked() {
        EnumSet<Flow> blocked = EnumSet.noneOf(Flow.class);
        findings.stream().filter(f -> f.verdict() == Verdict.FAIL).forEach(f -> blocked.addAll(f.stops()));
        blocked.retainAll(configured);
        return blocked;
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("osticket-gateway check of " + target + " at " + WHEN.format(at));
        String on = configured.stream().filter(f -> f != Flow.CONNECTION).map(Flow::label)
                .collect(Collectors.joining(", "));
        lines.add("Flows configured: " + (on.isEmpty() ? "none besides the connection" : on) + notConfigured());
        lines.add("");
        findings.forEach(f -> lines.add(line(f)));
        lines.add("");
        for (Flow flow : configured) {
            lines.add(line(flowSummary(flow)));
        }
        lines.add(line(result()));
        return lines;
    }

    private String notConfigured() {
        String off = EnumSet.complementOf(EnumSet.copyOf(configured)).stream()
                .map(f -> f.label() + " (" + f.setting() + ")").collect(Collectors.joining(", "));
        return off.isEmpty() ? "" : "; not configured: " + off;
    }

    private Finding flowSummary(Flow flow) {
        List<String> reasons = findings.stream().filter(f -> f.verdict() == Verdict.FAIL && f.stops().contains(flow))
                .map(Finding::topic).distinct().toList();
        String topic = flow == Flow.CONNECTION ? "start-up" : "flow " + flow.label();
        if (reasons.isEmpty()) {
            return Finding.ok(topic, flow == Flow.CONNECTION ? "the gateway can start against this osTicket"
                    : "can work on this server");
        }
        return Finding.fail(topic, (flow == Flow.CONNECTION ? "the gateway would not start or not reach osTicket"
                : "cannot work") + ": see " + String.join(", ", reasons), Set.of(flow));
    }

    private Finding result() {
        Set<Flow> blocked = blocked();
        long warnings = findings.stream().filter(f -> f.verdict() == Verdict.WARN).count();
        if (blocked.isEmpty()) {
            return Finding.ok("result", "every configured flow can work on this server (" + warnings
                    + (warnings == 1 ? " warning" : " warnings") + "): exit status 0");
        }
        String flows = blocked.stream().filter(f -> f != Flow.CONNECTION).map(Flow::label)
                .collect(Collectors.joining(", "));
        String start = blocked.contains(Flow.CONNECTION) ? "the gateway would not start" : "";
        return Finding.fail("result", start + (start.isEmpty() || flows.isEmpty() ? "" : "; ")
                + (flows.isEmpty() ? "" : flows + " cannot work on this server") + ": exit status 1", blocked);
    }

    static String line(Finding finding) {
        return String.format("%-4s  %-21s %s", finding.verdict(), finding.topic(), finding.text());
    }
}
