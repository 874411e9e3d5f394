package org.osticketgateway.osticket.model;

import java.time.LocalDate;

/** Filters for stats; every field is optional. */
public record StatsQuery(Long departmentId, Long staffId, StatsRange range, LocalDate startDate, LocalDate endDate) {

    public static StatsQuery all() {
        return new StatsQuery(null, null, null, null, null);
    }
}
