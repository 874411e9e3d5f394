package org.osticketgateway.sandbox;

/** What a call to the API asks the server to do, as far as its cost goes. */
public enum ApiOperation {
    CREATE, GET, UPDATE, SEARCH, DELETE, STATS, STATUSES, SUBTICKETS, OTHER;

    /** The operation a request names by its path (under {@code /api}). */
    static ApiOperation of(String path) {
        if (path.startsWith("/tickets.")) {
            return CREATE;
        }
        if (path.startsWith("/tickets-subtickets-")) {
            return SUBTICKETS;
        }
        if (path.startsWith("/tickets-get.php")) {
            return GET;
        }
        if (path.startsWith("/tickets-update.php")) {
            return UPDATE;
        }
        if (path.startsWith("/tickets-search.php")) {
            return SEARCH;
        }
        if (path.startsWith("/tickets-delete.php")) {
            return DELETE;
        }
        if (path.startsWith("/tickets-stats.php")) {
            return STATS;
        }
        return path.startsWith("/tickets-statuses.php") ? STATUSES : OTHER;
    }
}
