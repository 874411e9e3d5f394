package org.osticketgateway.check;

import java.util.List;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * What the check learnt from osTicket without writing, for the probes after it: its statuses, the
 * departments its stats name, and the newest-updated tickets (each list empty when it could not be read).
 */
record ServerFacts(List<TicketStatus> statuses, List<DepartmentStats> departments,
                   List<TicketSummary> recentTickets) {

    ServerFacts {
        statuses = List.copyOf(statuses);
        departments = List.copyOf(departments);
        recentTickets = List.copyOf(recentTickets);
    }
}
