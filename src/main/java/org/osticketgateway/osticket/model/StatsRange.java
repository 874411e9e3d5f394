package org.osticketgateway.osticket.model;

import java.util.Locale;

/** The period that stats cover, counted back from today. */
public enum StatsRange {
    TODAY, WEEK, MONTH, YEAR, ALL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
