package org.osticketgateway.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.osticketgateway.Settings;
import org.osticketgateway.job.JobDefinition;
import org.osticketgateway.job.JobDefinitions;
import org.osticketgateway.mail.MailSetup;
import org.osticketgateway.mail.Mailbox;
import org.osticketgateway.mail.RoutingRules;
import org.osticketgateway.report.ReportDefinition;
import org.osticketgateway.report.ReportDefinitions;

/**
 * What the gateway's configuration asks of osTicket: which flows are on, and the mailboxes, routing
 * departments, reports and jobs whose names osTicket must know. A setting the gateway would refuse at
 * start is a problem here too, worded as the gateway words it.
 */
record CheckConfiguration(Set<Flow> flows, List<Mailbox> mailboxes, List<String> routingDepartments,
                          List<ReportDefinition> reports, List<JobDefinition> jobs, List<Finding> problems) {

    CheckConfiguration {
        flows = Collections.unmodifiableSet(EnumSet.copyOf(flows));
        mailboxes = List.copyOf(mailboxes);
        routingDepartments = List.copyOf(routingDepartments);
        reports = List.copyOf(reports);
        jobs = List.copyOf(jobs);
        problems = List.copyOf(problems);
    }

    boolean has(Flow flow) {
        return flows.contains(flow);
    }

    static CheckConfiguration read(Settings settings) {
        List<Finding> problems = new ArrayList<>();
        EnumSet<Flow> flows = EnumSet.of(Flow.CONNECTION);
        List<String> mailboxNames = settings.list(Flow.MAIL.setting());
        if (!mailboxNames.isEmpty()) {
            flows.add(Flow.MAIL);
        }
        for (Flow flow : List.of(Flow.COMMANDS, Flow.EVENTS)) {
            try {
                if (settings.flag(flow.setting(), false)) {
                    flows.add(flow);
                }
            } catch (IllegalStateException e) {
                problems.add(refused(flow.setting(), e, Flow.CONNECTION));
            }
        }
        List<String> reportNames = settings.list(Flow.REPORTS.setting());
        if (!reportNames.isEmpty()) {
            flows.add(Flow.REPORTS);
        }

        List<Mailbox> mailboxes = new ArrayList<>();
        for (String name : mailboxNames) {
            try {
                mailboxes.add(MailSetup.mailbox(settings, name));
            } catch (IllegalStateException e) {
                problems.add(refused("mailbox " + name, e, Flow.MAIL));
            }
        }
        List<String> routing = List.of();
        try {
            routing = RoutingRules.parse("mail.routing", settings.text("mail.routing", "")).departments();
        } catch (IllegalStateException e) {
            problems.add(refused("mail.routing", e, Flow.MAIL));
        }
        List<ReportDefinition> reports = List.of();
        try {
            reports = List.copyOf(ReportDefinitions.load(settings).values());
        } catch (IllegalStateException e) {
            problems.add(refused("reports", e, Flow.REPORTS));
        }
        if (!settings.list(Flow.JOBS.setting()).isEmpty()) {
            flows.add(Flow.JOBS);
        }
        List<JobDefinition> jobs = List.of();
        try {
            jobs = List.copyOf(JobDefinitions.load(settings, Instant.now()).values());
        } catch (IllegalStateException e) {
            problems.add(refused("jobs", e, Flow.JOBS));
        }
        return new CheckConfiguration(flows, mailboxes, routing, reports, jobs, problems);
    }

    /** The gateway stops at start on a setting it cannot read, whichever flow it belongs to. */
    private static Finding refused(String topic, IllegalStateException e, Flow flow) {
        return Finding.fail(topic, e.getMessage() + ": the gateway would not start", EnumSet.of(Flow.CONNECTION, flow));
    }
}
