package org.osticketgateway.osticket;

import java.util.List;
import java.util.Optional;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.DeletedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.SubticketLink;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.osticket.model.UpdatedTicket;

/**
 * The eleven operations of osTicket's API Endpoints plugin, in canonical form. Every failure is an
 * {@link OsTicketException}.
 */
public interface OsTicketApi {

    CreatedTicket createTicket(NewTicket ticket);

    /**
     * Creates a ticket and returns only what osTicket answered to the create, in one call: the
     * reference API answers its id, number and subject; the plugin v2.3.4 only the number (id and
     * subject null), which {@link #createTicket} completes by reading the ticket back.
     */
    CreatedTicket submitTicket(NewTicket ticket);

    Ticket getTicket(TicketRef ticket);

    UpdatedTicket updateTicket(TicketRef ticket, TicketUpdate update);

    SearchPage searchTickets(SearchQuery query);

    DeletedTicket deleteTicket(TicketRef ticket);

    Stats getStats(StatsQuery query);

    List<TicketStatus> listStatuses();

    /** The parent of a subticket; empty when it has none. */
    Optional<RelatedTicket> getParent(TicketRef child);

    List<RelatedTicket> listChildren(TicketRef parent);

    SubticketLink linkSubticket(TicketRef parent, TicketRef child);

    SubticketLink unlinkSubticket(TicketRef child);
}
