package org.osticketgateway.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osticketgateway.Settings;

/**
 * Reads the report definitions from configuration: {@code report.names = daily,weekly}, then for
 * each name {@code report.<name>.cron}, {@code .timezone}, {@code .period}, {@code .department},
 * {@code .slack}, {@code .email-to} and {@code .top-overdue}. A wrong value stops start-up with
 * a sentence naming its key.
 */
public final class ReportDefinitions {

    private ReportDefinitions() {
    }

    public static Map<String, ReportDefinition> load(Settings settings) {
        Map<String, ReportDefinition> definitions = new LinkedHashMap<>();
        for (String name : settings.list("report.names")) {
            String prefix = "report." + name + ".";
            String cron = settings.required(prefix + "cron",
                    "every report needs a Quartz cron expression, e.g. 0 0 8 ? * MON-FRI");
            ReportPeriod period;
            try {
                period = ReportPeriod.parse(settings.text(prefix + "period", "day"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "period must be day, week or month");
            }
            definitions.put(name, new ReportDefinition(name, cron, settings.text(prefix + "timezone", "UTC"), period,
                    settings.text(prefix + "department", null), settings.flag(prefix + "slack", false),
                    settings.list(prefix + "email-to"), settings.integer(prefix + "top-overdue", 10)));
        }
        return definitions;
    }
}
