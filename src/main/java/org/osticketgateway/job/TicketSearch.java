package org.osticketgateway.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * Which tickets an update or link job acts on: a status, a department and a subject query as
 * osTicket searches them, then — counted here, as the API has no such filter — older than
 * {@code olderThanHours} by their created, updated or due time. Oldest first, so that a capped run
 * leaves the newest for the next.
 */
public record TicketSearch(String status, String department, String query, Integer olderThanHours, AgeBy ageBy) {

    public SearchQuery searchQuery() {
        return new SearchQuery(query, status, department, null, null, null, null, null, null, null);
    }

    boolean isOldEnough(TicketSummary ticket, Instant now) {
        if (olderThanHours == null) {
            return true;
        }
        Instant time = ageBy.of(ticket);
        return time != null && !time.isAfter(now.minus(Duration.ofHours(olderThanHours)));
    }

    /** Oldest first by the age's time; tickets without it (no due date) last, then by id. */
    Comparator<TicketSummary> oldestFirst() {
        return Comparator.comparing((TicketSummary t) -> ageBy.of(t), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(TicketSummary::id);
    }

    /** As the log and results say it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "status", status);
        append(text, "department", department);
        append(text, "subject containing", query == null ? null : "'" + query + "'");
        if (olderThanHours != null) {
            text.append(text.isEmpty() ? "" : ", ").append(ageBy.name().toLowerCase()).append(" over ")
                    .append(olderThanHours).append(" h ago");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String what, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ", ").append(what).append(' ').append(value);
        }
    }
}
