package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osticketgateway.osticket.model.Attachment;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.DeletedTicket;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.StatsRange;
import org.osticketgateway.osticket.model.SubticketLink;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.osticket.model.UpdatedTicket;

/**
 * The API Endpoints plugin v2.3.4 as shipped (see {@code plugin-v2.3.4-differences.md}). It
 * answers create, update and delete with a bare ticket number, looks tickets up by number where
 * the reference says id, and silently ignores several fields. This dialect never pretends: what the
 * server ignores is done another way (priority names sent as ids, the due date and attachments set
 * by a second call, Markdown rendered to HTML here) or refused with an error saying what the server
 * cannot do.
 */
final class PluginDialect implements OsTicketApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiCaller api;
    private final CanonicalReader read;
    private final TimestampCodec timestamps;
    private final String ext;
    private final Map<String, Long> priorities;
    private final PluginHtml html = new PluginHtml();
    private volatile List<TicketStatus> statuses;

    PluginDialect(ApiTransport transport, ResponseReader reader, TimestampCodec timestamps, ResponseFormat format,
                  Map<String, Long> priorities) {
        this.api = new ApiCaller(transport, reader, PluginDialect::meaning);
        this.read = new CanonicalReader(timestamps);
        this.timestamps = timestamps;
        this.ext = format.extension();
        this.priorities = priorities;
    }

    /**
     * What an error answer of the plugin means in the canonical terms: it answers 401 for a missing
     * permission, 422 for conflicts, 400 for an unknown department on create, 404 for unknown
     * names on update, and 500 for a circular link and a missing plugin (osTicket core's own 500
     * refusals of a create are read in {@link ApiCaller}).
     */
    static OsTicketFailure meaning(ApiResponse response, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        return switch (response.status()) {
            case 401 -> text.contains("not authorized") ? OsTicketFailure.FORBIDDEN : OsTicketFailure.UNAUTHORIZED;
            case 400 -> text.contains("not found") ? OsTicketFailure.NOT_FOUND : OsTicketFailure.BAD_REQUEST;
            case 404 -> text.startsWith("status '") || text.startsWith("staff member") || text.startsWith("sla '")
                    || text.startsWith("department '") ? OsTicketFailure.BAD_REQUEST : OsTicketFailure.NOT_FOUND;
            case 422 -> OsTicketFailure.CONFLICT;
            case 500 -> text.contains("plugin not available") ? OsTicketFailure.NOT_IMPLEMENTED
                    : text.contains("failed to create subticket relationship") ? OsTicketFailure.CONFLICT
                    : OsTicketFailure.SERVER_ERROR;
            default -> OsTicketFailure.forStatus(response.status());
        };
    }

    @Override
    public CreatedTicket createTicket(NewTicket ticket) {
        Ticket created = getTicket(TicketRef.ofNumber(submitTicket(ticket).number()));
        return new CreatedTicket(created.id(), created.number(), created.subject());
    }

    @Override
    public CreatedTicket submitTicket(NewTicket ticket) {
        Map<String, Object> fields = RequestJson.createFields(ticket, html.of(ticket.message(), ticket.format()),
                "html");
        fields.put("priority", ticket.priority() == null ? null : priorityId(ticket.priority()));
        fields.put("parentTicketNumber", ticket.parent() == null ? null : number(ticket.parent(), "createTicket"));
        fields.values().removeIf(v -> v == null);
        String number = bareNumber(api.answer(ApiRequest.withJson("createTicket", "POST", "/tickets.json",
                RequestJson.object(fields))), "createTicket");

        // The plugin drops the due date and attachments of a create: set them with a second call.
        ObjectNode followUp = NODES.objectNode();
        if (ticket.dueDate() != null) {
            followUp.put("dueDate", timestamps.toServerForm(ticket.dueDate()));
        }
        if (!ticket.attachments().isEmpty()) {
            followUp.put("note", html.of("Attachments sent with the ticket: " + ticket.attachments().stream()
                    .map(Attachment::filename).collect(Collectors.joining(", ")), MessageFormat.TEXT));
            followUp.put("noteFormat", "html");
            followUp.set("attachments", dataUris(ticket.attachments()));
        }
        if (!followUp.isEmpty()) {
            try {
                api.answer(ApiRequest.withJson("createTicket", "PATCH", "/tickets-update.php/"
                        + RequestJson.pathSegment(number) + ".json", followUp));
            } catch (OsTicketException e) {
                // Not retryable: the ticket exists, and creating it again would make a duplicate.
                throw new OsTicketException(e.failure(), "createTicket", e.status(), "ticket #" + number
                        + " was created, but setting its due date or attachments failed: " + e.apiMessage(), false, e);
            }
        }
        return new CreatedTicket(null, number, null);
    }

    /** Always JSON: the plugin's XML ticket drops each thread entry's format. */
    @Override
    public Ticket getTicket(TicketRef ticket) {
        String key = ticket.hasNumber() ? ticket.number() : String.valueOf(ticket.id());
        return read.ticket(api.tree(ApiRequest.get("getTicket",
                "/tickets-get.php/" + RequestJson.pathSegment(key) + ".json", null)));
    }

    @Override
    public UpdatedTicket updateTicket(TicketRef ticket, TicketUpdate update) {
        refuse("updateTicket", update.priority() != null, "priority",
                "the plugin v2.3.4 ignores a priority on update");
        refuse("updateTicket", update.topicId() != null, "topicId",
                "the plugin v2.3.4 answers 200 to a help topic on update but does not save it");
        refuse("updateTicket", update.teamId() != null, "teamId", "the plugin v2.3.4 does not read a team on update");
        TicketRef target = complete(ticket, "updateTicket");
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> updated = new ArrayList<>();
        put(fields, updated, "statusId", "status", RequestJson.nameOrId(update.status()));
        put(fields, updated, "departmentId", "department", RequestJson.nameOrId(update.department()));
        put(fields, updated, "slaId", "sla", RequestJson.nameOrId(update.sla()));
        put(fields, updated, "staffId", "staff", RequestJson.nameOrId(update.staff()));
        put(fields, updated, "dueDate", "duedate",
                update.dueDate() == null ? null : timestamps.toServerForm(update.dueDate()));
        put(fields, updated, "note", "note", update.note() == null ? null : html.of(update.note(), MessageFormat.TEXT));
        if (update.note() != null) {
            fields.put("noteFormat", "html");
        }
        bareNumber(api.answer(ApiRequest.withJson("updateTicket", "PATCH",
                "/tickets-update.php/" + RequestJson.pathSegment(target.number()) + "." + ext,
                RequestJson.object(fields))), "updateTicket");
        return new UpdatedTicket(target.id(), target.number(), updated);
    }

    private static void put(Map<String, Object> fields, List<String> updated, String field, String name,
                            Object value) {
        if (value != null) {
            fields.put(field, value);
            updated.add(name);
        }
    }

    @Override
    public SearchPage searchTickets(SearchQuery query) {
        String op = "searchTickets";
        refuse(op, query.topicId() != null, "topicId", "the plugin v2.3.4 ignores a help topic filter");
        refuse(op, query.priorityId() != null, "priorityId", "the plugin v2.3.4 ignores a priority filter");
        refuse(op, query.staffId() != null, "staffId", "the plugin v2.3.4 ignores a staff filter");
        refuse(op, query.sortBy() == SortField.PRIORITY, "sortBy", "the plugin v2.3.4 cannot sort by priority");
        SortOrder natural = query.sortBy() == SortField.NUMBER ? SortOrder.ASC : SortOrder.DESC;
        refuse(op, query.sortOrder() != null && query.sortOrder() != natural, "sortOrder",
                "the plugin v2.3.4 sorts " + (query.sortBy() == null ? "created" : query.sortBy().apiName())
                        + " in " + natural.apiName() + "ending order only");
        Map<String, String> parameters = new LinkedHashMap<>();
        RequestJson.putIfSet(parameters, "query", query.query());
        RequestJson.putIfSet(parameters, "status", query.status() == null ? null : knownStatus(query.status()));
        RequestJson.putIfSet(parameters, "department", query.department());
        RequestJson.putIfSet(parameters, "limit", query.limit());
        RequestJson.putIfSet(parameters, "offset", query.offset());
        RequestJson.putIfSet(parameters, "sort", query.sortBy() == null ? null : query.sortBy().apiName());
        String path = "/tickets-search.php" + ("xml".equals(ext) ? ".xml" : "");
        SearchPage page = read.searchPage(api.tree(ApiRequest.get(op, path, parameters)),
                query.limit() == null ? 20 : query.limit(), query.offset() == null ? 0 : query.offset());
        if (query.department() != null) {
            // The plugin drops a department filter it cannot resolve and answers with every ticket.
            String wanted = query.department().substring(query.department().lastIndexOf('/') + 1).trim();
            for (TicketSummary t : page.tickets()) {
                if (!wanted.equalsIgnoreCase(t.department()) && !wanted.equals(String.valueOf(t.departmentId()))) {
                    throw OsTicketException.invalidRequest(op, "department: osTicket does not know '"
                            + query.department() + "' and ignored the filter");
                }
            }
        }
        return page;
    }

    /** A status filter the plugin would silently drop is refused instead. */
    private String knownStatus(String status) {
        List<TicketStatus> known = statuses;
        if (known == null) {
            known = listStatuses();
            statuses = known;
        }
        String wanted = status.trim();
        return known.stream()
                .filter(s -> s.name().equalsIgnoreCase(wanted) || String.valueOf(s.id()).equals(wanted))
                .findFirst().map(TicketStatus::name)
                .orElseThrow(() -> OsTicketException.invalidRequest("searchTickets", "status: '" + status
                        + "' is not a status of this osTicket (" + statuses.stream().map(TicketStatus::name)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public DeletedTicket deleteTicket(TicketRef ticket) {
        TicketRef target = complete(ticket, "deleteTicket");
        bareNumber(api.answer(ApiRequest.withoutBody("deleteTicket", "DELETE",
                "/tickets-delete.php/" + RequestJson.pathSegment(target.number()) + "." + ext)), "deleteTicket");
        return new DeletedTicket(target.id(), target.number());
    }

    @Override
    public Stats getStats(StatsQuery query) {
        boolean filtered = query.departmentId() != null || query.staffId() != null || query.startDate() != null
                || query.endDate() != null || (query.range() != null && query.range() != StatsRange.ALL);
        refuse("getStats", filtered, "query", "the plugin v2.3.4 ignores every stats filter and counts all tickets");
        // Its XML names elements after departments and is not well-formed: always ask for JSON.
        return read.stats(api.tree(ApiRequest.get("getStats", "/tickets-stats.php", null)));
    }

    @Override
    public List<TicketStatus> listStatuses() {
        return read.statuses(api.tree(ApiRequest.get("listStatuses",
                "/tickets-statuses.php" + ("xml".equals(ext) ? ".xml" : ""), null)));
    }

    @Override
    public Optional<RelatedTicket> getParent(TicketRef child) {
        JsonNode answer = api.tree(ApiRequest.get("getParent", "/tickets-subtickets-parent.php/"
                + RequestJson.pathSegment(number(child, "getParent")) + "." + ext, null));
        return Optional.ofNullable(read.relatedOrNull(answer, "parent"));
    }

    @Override
    public List<RelatedTicket> listChildren(TicketRef parent) {
        return read.children(api.tree(ApiRequest.get("listChildren", "/tickets-subtickets-list.php/"
                + RequestJson.pathSegment(number(parent, "listChildren")) + "." + ext, null)));
    }

    @Override
    public SubticketLink linkSubticket(TicketRef parent, TicketRef child) {
        ObjectNode body = NODES.objectNode().put("childId", number(child, "linkSubticket"));
        JsonNode answer = api.tree(ApiRequest.withJson("linkSubticket", "POST", "/tickets-subtickets-create.php/"
                + RequestJson.pathSegment(number(parent, "linkSubticket")) + ".json", body));
        return new SubticketLink(read.relatedOrNull(answer, "parent"), read.relatedOrNull(answer, "child"));
    }

    @Override
    public SubticketLink unlinkSubticket(TicketRef child) {
        String number = number(child, "unlinkSubticket");
        // The plugin does not say which parent it removed: ask first.
        RelatedTicket formerParent = getParent(TicketRef.ofNumber(number)).orElse(null);
        JsonNode answer = api.tree(ApiRequest.withoutBody("unlinkSubticket", "DELETE",
                "/tickets-subtickets-unlink.php/" + RequestJson.pathSegment(number) + ".json"));
        return new SubticketLink(formerParent, read.relatedOrNull(answer, "child"));
    }

    /** Create, update and delete answer with the bare ticket number; anything else is unreadable. */
    private String bareNumber(ApiResponse response, String operation) {
        String body = response.body().trim();
        if (!CoreAnswer.isTicketNumber(body)) {
            throw api.unreadable(response, operation);
        }
        return body;
    }

    private Object priorityId(String priority) {
        Object value = RequestJson.nameOrId(priority);
        if (value instanceof Long) {
            return value;
        }
        return priorities.entrySet().stream().filter(p -> p.getKey().equalsIgnoreCase(priority.trim()))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> OsTicketException.invalidRequest("createTicket", "priority: '" + priority
                        + "' is not one of " + String.join(", ", priorities.keySet())
                        + " (osticket.priorities); the plugin takes priorities by id only"));
    }

    /** The plugin looks tickets up by number in most places: find it when only the id is known. */
    private String number(TicketRef ticket, String operation) {
        return ticket.hasNumber() ? ticket.number() : complete(ticket, operation).number();
    }

    private TicketRef complete(TicketRef ticket, String operation) {
        if (ticket.hasNumber() && ticket.hasId()) {
            return ticket;
        }
        try {
            Ticket found = getTicket(ticket);
            return new TicketRef(found.number(), found.id());
        } catch (OsTicketException e) {
            throw OsTicketException.during(operation, "looking up ticket " + ticket, e);
        }
    }

    private static void refuse(String operation, boolean condition, String field, String why) {
        if (condition) {
            throw new OsTicketException(OsTicketFailure.NOT_IMPLEMENTED, operation, 0, field + ": " + why);
        }
    }

    private static ArrayNode dataUris(List<Attachment> files) {
        ArrayNode list = NODES.arrayNode();
        for (Attachment file : files) {
            list.addObject().put(file.filename(), "data:" + file.contentType() + ";base64,"
                    + Base64.getEncoder().encodeToString(file.content()));
        }
        return list;
    }
}
