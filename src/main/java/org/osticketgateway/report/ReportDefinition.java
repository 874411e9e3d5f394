package org.osticketgateway.report;

import java.util.List;

/**
 * One configured report: when it runs (Quartz cron in a time zone), what it counts (period, an
 * optional department), where it goes (Slack, email recipients) and how many overdue tickets it lists.
 */
public record ReportDefinition(String name, String cron, String timezone, ReportPeriod period, String department,
                               boolean slack, List<String> emailTo, int topOverdue) {

    public ReportDefinition {
        emailTo = List.copyOf(emailTo);
    }

    public String title() {
        return "Helpdesk report: " + name + (department == null ? "" : " (" + department + ")");
    }
}
