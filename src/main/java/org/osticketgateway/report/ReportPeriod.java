package org.osticketgateway.report;

import java.time.Duration;
import java.util.Locale;

/** How far back a report's "new tickets" count looks. */
public enum ReportPeriod {
    DAY(Duration.ofDays(1), "the last 24 hours"),
    WEEK(Duration.ofDays(7), "the last 7 days"),
    MONTH(Duration.ofDays(30), "the last 30 days");

    private final Duration length;
    private final String label;

    ReportPeriod(Duration length, String label) {
        this.length = length;
        this.label = label;
    }

    public Duration length() {
        return length;
    }

    public String label() {
        return label;
    }

    public static ReportPeriod parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
