package org.osticketgateway.osticket.model;

import java.util.List;

/** One page of search results. {@code total} is null where the server does not count matches. */
public record SearchPage(List<TicketSummary> tickets, Long total, int limit, int offset) {

    public SearchPage {
        tickets = List.copyOf(tickets);
    }
}
