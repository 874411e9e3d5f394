package org.osticketgateway.osticket.model;

import java.util.Locale;

/** Ascending or descending. */
public enum SortOrder {
    ASC, DESC;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
