package org.osticketgateway.osticket.model;

import java.util.Locale;

/** What search results are ordered by. */
public enum SortField {
    CREATED, UPDATED, PRIORITY, NUMBER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
