package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The API as its reference documents it: tickets by number or id in the path, subtickets by
 * internal id, JSON error bodies {@code {"error":"…"}} and the status codes of the reference.
 */
final class ReferenceDialect implements OsTicketApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiCaller api;
    private final CanonicalReader read;
    private final TimestampCodec timestamps;
    private final String ext;

    ReferenceDialect(ApiTransport transport, ResponseReader reader, TimestampCodec timestamps, ResponseFormat format) {
        this.api = new ApiCaller(transport, reader, ApiCaller.BY_STATUS);
        this.read = new CanonicalReader(timestamps);
        this.timestamps = timestamps;
        this.ext = format.extension();
    }

    @Override
    public CreatedTicket createTicket(NewTicket ticket) {
        Map<String, Object> fields = RequestJson.createFields(ticket, ticket.message(),
                ticket.format() == null ? null : ticket.format().apiName());
        fields.put("priority", RequestJson.nameOrId(ticket.priority()));
        fields.put("parentTicketId", ticket.parent() == null ? null
                : ticket.parent().hasNumber() ? ticket.parent().number() : (Object) ticket.parent().id());
        fields.put("duedate", ticket.dueDate() == null ? null : timestamps.toServerForm(ticket.dueDate()));
        fields.values().removeIf(v -> v == null);
        ApiRequest request;
        if (ticket.attachments().isEmpty()) {
            request = ApiRequest.withJson("createTicket", "POST", "/tickets.json", RequestJson.object(fields));
        } else {
            Map<String, String> form = new LinkedHashMap<>();
            fields.forEach((name, value) -> form.put(name, String.valueOf(value)));
            request = ApiRequest.multipart("createTicket", "/tickets.json", form, ticket.attachments());
        }
        return read.created(api.tree(request));
    }

    /** The reference API answers a create with the whole {@link CreatedTicket}: nothing to read back. */
    @Override
    public CreatedTicket submitTicket(NewTicket ticket) {
        return createTicket(ticket);
    }

    @Override
    public Ticket getTicket(TicketRef ticket) {
        return read.ticket(api.tree(ApiRequest.get("getTicket", "/tickets-get.php/" + key(ticket) + "." + ext,
                null)));
    }

    @Override
    public UpdatedTicket updateTicket(TicketRef ticket, TicketUpdate update) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("statusId", RequestJson.nameOrId(update.status()));
        fields.put("departmentId", RequestJson.nameOrId(update.department()));
        fields.put("topicId", update.topicId());
        fields.put("slaId", RequestJson.nameOrId(update.sla()));
        fields.put("staffId", RequestJson.nameOrId(update.staff()));
        fields.put("teamId", update.teamId());
        fields.put("priority", RequestJson.nameOrId(update.priority()));
        fields.put("duedate", update.dueDate() == null ? null : timestamps.toServerForm(update.dueDate()));
        fields.put("note", update.note());
        fields.values().removeIf(v -> v == null);
        JsonNode answer = api.tree(ApiRequest.withJson("updateTicket", "PATCH",
                "/tickets-update.php/" + key(ticket) + "." + ext, RequestJson.object(fields)));
        List<String> updated = JsonFields.present(answer, "updated_fields")
                ? RequestJson.strings(answer.get("updated_fields")) : List.of();
        return new UpdatedTicket(JsonFields.number(answer, "ticket_id"), JsonFields.text(answer, "number"), updated);
    }

    @Override
    public SearchPage searchTickets(SearchQuery query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        RequestJson.putIfSet(parameters, "query", query.query());
        RequestJson.putIfSet(parameters, "status", query.status());
        if (query.department() != null) {
            if (!RequestJson.isDigits(query.department())) {
                throw OsTicketException.invalidRequest("searchTickets",
                        "department: the documented API filters by department id only, not by name '"
                                + query.department() + "'");
            }
            parameters.put("departmentId", query.department());
        }
        RequestJson.putIfSet(parameters, "topicId", query.topicId());
        RequestJson.putIfSet(parameters, "priorityId", query.priorityId());
        RequestJson.putIfSet(parameters, "staffId", query.staffId());
        RequestJson.putIfSet(parameters, "limit", query.limit());
        RequestJson.putIfSet(parameters, "offset", query.offset());
        RequestJson.putIfSet(parameters, "sortBy", query.sortBy() == null ? null : query.sortBy().apiName());
        RequestJson.putIfSet(parameters, "sortOrder", query.sortOrder() == null ? null : query.sortOrder().apiName());
        JsonNode answer = api.tree(ApiRequest.get("searchTickets", "/tickets-search.php" + listExt(), parameters));
        return read.searchPage(answer, query.limit() == null ? 20 : query.limit(),
                query.offset() == null ? 0 : query.offset());
    }

    @Override
    public DeletedTicket deleteTicket(TicketRef ticket) {
        JsonNode answer = api.tree(ApiRequest.withoutBody("deleteTicket", "DELETE",
                "/tickets-delete.php/" + key(ticket) + "." + ext));
        return new DeletedTicket(JsonFields.number(answer, "ticket_id"), JsonFields.text(answer, "number"));
    }

    @Override
    public Stats getStats(StatsQuery query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        RequestJson.putIfSet(parameters, "departmentId", query.departmentId());
        RequestJson.putIfSet(parameters, "staffId", query.staffId());
        RequestJson.putIfSet(parameters, "dateRange", query.range() == null ? null : query.range().apiName());
        RequestJson.putIfSet(parameters, "startDate", query.startDate());
        RequestJson.putIfSet(parameters, "endDate", query.endDate());
        return read.stats(api.tree(ApiRequest.get("getStats", "/tickets-stats.php" + listExt(), parameters)));
    }

    @Override
    public List<TicketStatus> listStatuses() {
        return read.statuses(api.tree(ApiRequest.get("listStatuses", "/tickets-statuses.php" + listExt(), null)));
    }

    @Override
    public Optional<RelatedTicket> getParent(TicketRef child) {
        JsonNode answer = api.tree(ApiRequest.get("getParent",
                "/tickets-subtickets-parent.php/" + idOf(child, "getParent") + "." + ext, null));
        return Optional.ofNullable(read.relatedOrNull(answer, "parent"));
    }

    @Override
    public List<RelatedTicket> listChildren(TicketRef parent) {
        return read.children(api.tree(ApiRequest.get("listChildren",
                "/tickets-subtickets-list.php/" + idOf(parent, "listChildren") + "." + ext, null)));
    }

    @Override
    public SubticketLink linkSubticket(TicketRef parent, TicketRef child) {
        ObjectNode body = NODES.objectNode()
                .put("parent_id", idOf(parent, "linkSubticket"))
                .put("child_id", idOf(child, "linkSubticket"));
        JsonNode answer = api.tree(ApiRequest.withJson("linkSubticket", "POST", "/tickets-subtickets-create.php",
                body));
        return new SubticketLink(read.relatedOrNull(answer, "parent"), read.relatedOrNull(answer, "child"));
    }

    @Override
    public SubticketLink unlinkSubticket(TicketRef child) {
        ObjectNode body = NODES.objectNode().put("child_id", idOf(child, "unlinkSubticket"));
        JsonNode answer = api.tree(ApiRequest.withJson("unlinkSubticket", "DELETE",
                "/tickets-subtickets-unlink.php", body));
        return new SubticketLink(read.relatedOrNull(answer, "former_parent"), read.relatedOrNull(answer, "child"));
    }

    /** Get, update and delete take a number or an id in the same place; the number wins. */
    private static String key(TicketRef ticket) {
        return RequestJson.pathSegment(ticket.hasNumber() ? ticket.number() : String.valueOf(ticket.id()));
    }

    /** Subticket endpoints take the internal id: look it up when only the number is known. */
    private long idOf(TicketRef ticket, String operation) {
        if (ticket.hasId()) {
            return ticket.id();
        }
        try {
            return getTicket(ticket).id();
        } catch (OsTicketException e) {
            throw OsTicketException.during(operation, "looking up the id of ticket " + ticket, e);
        }
    }

    /** Search, stats and statuses have no extension for JSON and take {@code .xml} for XML. */
    private String listExt() {
        return "xml".equals(ext) ? ".xml" : "";
    }
}
