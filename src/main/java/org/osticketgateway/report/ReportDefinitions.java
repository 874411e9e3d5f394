package org.osticketgateway.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Reads the report definitions from configuration: {@code report.names = daily,weekly}, then for
 * each name {@code report.<name>.cron}, {@code .timezone}, {@code .period}, {@code .department},
 * {@code .slack}, {@code .email-to} and {@code .top-overdue}. A wrong value stops start-up with
 * a sentence naming its key.
 */
public final class ReportDefinitions {

    private ReportDefinitions() {
    }

    public static Map<String, ReportDefinition> load(PropertiesComponent properties) {
        Function<String, String> value = key -> properties.resolveProperty(key).map(String::trim).orElse("");
        Map<String, ReportDefinition> definitions = new LinkedHashMap<>();
        for (String name : list(value.apply("report.names"))) {
            String prefix = "report." + name + ".";
            String cron = value.apply(prefix + "cron");
            if (cron.isEmpty()) {
                throw new IllegalStateException(prefix + "cron is not set: every report needs a Quartz cron "
                        + "expression, e.g. 0 0 8 ? * MON-FRI");
            }
            ReportPeriod period;
            try {
                period = ReportPeriod.parse(or(value.apply(prefix + "period"), "day"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "period must be day, week or month");
            }
            int top;
            try {
                top = Integer.parseInt(or(value.apply(prefix + "top-overdue"), "10"));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(prefix + "top-overdue must be a whole number");
            }
            String department = value.apply(prefix + "department");
            definitions.put(name, new ReportDefinition(name, cron, or(value.apply(prefix + "timezone"), "UTC"), period,
                    department.isEmpty() ? null : department,
                    Boolean.parseBoolean(or(value.apply(prefix + "slack"), "false")),
                    list(value.apply(prefix + "email-to")), top));
        }
        return definitions;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String or(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
