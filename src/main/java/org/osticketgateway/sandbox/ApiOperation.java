package org.osticketgateway.sandbox;

/** What a call to the API asks the server to do, as far as its cost goes, known by its path. */
public enum ApiOperation {
    CREATE("/tickets."),
    GET("/tickets-get.php"),
    UPDATE("/tickets-update.php"),
    SEARCH("/tickets-search.php"),
    DELETE("/tickets-delete.php"),
    STATS("/tickets-stats.php"),
    STATUSES("/tickets-statuses.php"),
    SUBTICKETS("/tickets-subtickets-"),
    OTHER(null);

    private final String pathPrefix;

    ApiOperation(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    /** The operation a request names by its path (under {@code /api}). */
    static ApiOperation of(String path) {
        for (ApiOperation operation : values()) {
            if (operation.pathPrefix != null && path.startsWith(operation.pathPrefix)) {
                return operation;
            }
        }
        return OTHER;
    }
}
