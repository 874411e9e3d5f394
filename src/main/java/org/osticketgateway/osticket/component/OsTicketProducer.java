package org.osticketgateway.osticket.component;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.RequestBinding;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.DeletedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.osticket.model.UpdatedTicket;

/** Calls the operation its endpoint names and puts the canonical result in the body. */
public class OsTicketProducer extends DefaultProducer {

    private final OsTicketEndpoint endpoint;

    public OsTicketProducer(OsTicketEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        OsTicketClient client = endpoint.getComponent().client();
        Message in = exchange.getMessage();
        OsTicketOperation operation = endpoint.getOperation();
        Object result = switch (operation) {
            case createTicket -> {
                CreatedTicket created = client.createTicket(body(in, NewTicket.class, operation));
                yield withTicket(in, created, created.number(), created.id());
            }
            case getTicket -> {
                Ticket ticket = client.getTicket(ref(in, "ticket"));
                yield withTicket(in, ticket, ticket.number(), ticket.id());
            }
            case updateTicket -> {
                UpdatedTicket updated = client.updateTicket(ref(in, "ticket"), body(in, TicketUpdate.class,
                        operation));
                yield withTicket(in, updated, updated.number(), updated.id());
            }
            case searchTickets -> search(in, client);
            case deleteTicket -> {
                DeletedTicket deleted = client.deleteTicket(ref(in, "ticket"));
                yield withTicket(in, deleted, deleted.number(), deleted.id());
            }
            case getStats -> client.getStats(in.getBody() == null ? statsQuery() : body(in, StatsQuery.class,
                    operation));
            case listStatuses -> client.listStatuses();
            case getParent -> parent(in, client.getParent(ref(in, "child")));
            case listChildren -> client.listChildren(ref(in, "parent"));
            case linkSubticket -> client.linkSubticket(ref(in, "parent"), ref(in, "child"));
            case unlinkSubticket -> client.unlinkSubticket(ref(in, "child"));
            case postEmail -> {
                TicketRef ticket = client.postEmail(in.getMandatoryBody(byte[].class));
                in.setHeader(OsTicketConstants.TICKET_NUMBER, ticket.number());
                yield ticket;
            }
            case events -> throw new IllegalStateException("osticket:events is a consumer: use it in from:");
        };
        in.setBody(result);
    }

    private Object search(Message in, OsTicketClient client) {
        SearchQuery query = in.getBody() == null ? searchQuery()
                : body(in, SearchQuery.class, OsTicketOperation.searchTickets);
        if (endpoint.isAllPages()) {
            return client.searchAll(query).iterator();
        }
        SearchPage page = client.searchTickets(query);
        in.setHeader(OsTicketConstants.TOTAL, page.total());
        in.setHeader(OsTicketConstants.COUNT, page.tickets().size());
        return page;
    }

    private Object parent(Message in, Optional<RelatedTicket> parent) {
        in.setHeader(OsTicketConstants.HAS_PARENT, parent.isPresent());
        return parent.orElse(null);
    }

    /** Sets the ticket headers from a result, so the next step can act on the same ticket. */
    private static Object withTicket(Message in, Object result, String number, long id) {
        in.setHeader(OsTicketConstants.TICKET_NUMBER, number);
        in.setHeader(OsTicketConstants.TICKET_ID, id);
        return result;
    }

    /** The ticket a header or option names; role is ticket, parent or child. */
    private TicketRef ref(Message in, String role) {
        String numberHeader;
        String idHeader;
        String number;
        Long id;
        switch (role) {
            case "parent" -> {
                numberHeader = OsTicketConstants.PARENT_NUMBER;
                idHeader = OsTicketConstants.PARENT_ID;
                number = endpoint.getParentNumber();
                id = endpoint.getParentId();
            }
            case "child" -> {
                numberHeader = OsTicketConstants.CHILD_NUMBER;
                idHeader = OsTicketConstants.CHILD_ID;
                number = endpoint.getChildNumber();
                id = endpoint.getChildId();
            }
            default -> {
                numberHeader = OsTicketConstants.TICKET_NUMBER;
                idHeader = OsTicketConstants.TICKET_ID;
                number = endpoint.getTicketNumber();
                id = endpoint.getTicketId();
            }
        }
        String headerNumber = in.getHeader(numberHeader, String.class);
        Long headerId = in.getHeader(idHeader, Long.class);
        if (headerNumber != null || headerId != null) {
            number = headerNumber;
            id = headerId;
        }
        if ((number == null || number.isBlank()) && id == null) {
            throw OsTicketException.invalidRequest(endpoint.getOperation().name(), role
                    + ": no ticket given; set header " + numberHeader + " or " + idHeader);
        }
        return new TicketRef(number, id);
    }

    private SearchQuery searchQuery() {
        return new SearchQuery(endpoint.getQuery(), endpoint.getTicketStatus(), endpoint.getDepartment(),
                endpoint.getTopicId(), endpoint.getPriorityId(), endpoint.getStaffId(), endpoint.getLimit(),
                endpoint.getOffset(), endpoint.getSortBy(), endpoint.getSortOrder());
    }

    private StatsQuery statsQuery() {
        return new StatsQuery(endpoint.getDepartmentId(), endpoint.getStaffId(), endpoint.getDateRange(),
                date(endpoint.getStartDate()), date(endpoint.getEndDate()));
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
    }

    /** The body as the request type: itself, or a Map or JSON text of its fields. */
    private static <T> T body(Message in, Class<T> type, OsTicketOperation operation) {
        Object body = in.getBody();
        return RequestBinding.bind(body instanceof byte[] ? in.getBody(String.class) : body, type, operation.name());
    }
}
