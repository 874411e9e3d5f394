package org.osticketgateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The API exactly as its reference documents it: URLs, field names, answer shapes, status codes
 * and error messages ({@code {"error":"…"}}).
 */
final class ReferenceApi extends RoutedApi {

    private static final Pattern TICKET_KEY = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Set<String> FORMATS = Set.of("text", "html", "markdown");

    ReferenceApi(SandboxStore store, SandboxOptions options) {
        super(store, options);
    }

    @Override
    List<Route> routes() {
        SandboxError denied = new SandboxError(403, "API key not authorized for this operation");
        SandboxError deniedRead = new SandboxError(403, "API key not authorized");
        SandboxError deniedSub = new SandboxError(403, "API key not authorized for subticket operations");
        return List.of(
                endpoint("/tickets\\.(?<ext>json)", "POST", Permission.CAN_CREATE_TICKETS, false, denied, this::create),
                mailIntake(denied),
                endpoint("/tickets-get\\.php/(?<key>[^/]+)\\.(?<ext>json|xml)", "GET", Permission.CAN_READ_TICKETS,
                        false, deniedRead, this::get),
                endpoint("/tickets-update\\.php/(?<key>[^/]+)\\.(?<ext>json|xml)", "PATCH",
                        Permission.CAN_UPDATE_TICKETS, false, denied, this::update),
                endpoint("/tickets-search\\.php(\\.(?<ext>json|xml))?", "GET", Permission.CAN_SEARCH_TICKETS, false,
                        deniedRead, this::search),
                endpoint("/tickets-delete\\.php/(?<key>[^/]+)\\.(?<ext>json|xml)", "DELETE",
                        Permission.CAN_DELETE_TICKETS, false, denied, this::delete),
                endpoint("/tickets-stats\\.php(\\.(?<ext>json|xml))?", "GET", Permission.CAN_READ_STATS, false,
                        deniedRead, this::stats),
                endpoint("/tickets-statuses\\.php(\\.(?<ext>json|xml))?", "GET", Permission.CAN_READ_STATS, false,
                        deniedRead, this::statuses),
                endpoint("/tickets-subtickets-parent\\.php/(?<key>[^/]+)\\.(?<ext>json|xml)", "GET",
                        Permission.CAN_MANAGE_SUBTICKETS, true, deniedSub, this::parent),
                endpoint("/tickets-subtickets-list\\.php/(?<key>[^/]+)\\.(?<ext>json|xml)", "GET",
                        Permission.CAN_MANAGE_SUBTICKETS, true, deniedSub, this::children),
                endpoint("/tickets-subtickets-create\\.php(\\.(?<ext>json))?", "POST",
                        Permission.CAN_MANAGE_SUBTICKETS, true, deniedSub, this::link),
                endpoint("/tickets-subtickets-unlink\\.php(\\.(?<ext>json))?", "DELETE",
                        Permission.CAN_MANAGE_SUBTICKETS, true, deniedSub, this::unlink));
    }

    private static Route endpoint(String path, String method, Permission permission, boolean subticket,
                                  SandboxError denied, Handler handler) {
        return route(path, Set.of(method), permission, subticket, denied, Precheck.NONE, handler);
    }

    @Override
    Answer error(SandboxError error) {
        return Answer.of(error.status(), object().put("error", error.getMessage()));
    }

    @Override
    SandboxError methodNotAllowed(Route route) {
        return new SandboxError(405, "Method not allowed");
    }

    @Override
    SandboxError missingKey() {
        return new SandboxError(401, "Valid API key required");
    }

    @Override
    String xmlItemName() {
        return "entry";
    }

    @Override
    boolean xmlDeclaresEncoding() {
        return true;
    }

    // ---- tickets

    private Answer create(SandboxRequest request, Matcher match) {
        List<MultipartForm.Upload> uploads = new ArrayList<>();
        Map<String, String> fields = formOrJson(request, uploads);
        List<SandboxTicket.Attachment> files = uploads.stream()
                .map(f -> new SandboxTicket.Attachment(f.filename(), f.contentType(), f.content().length)).toList();
        for (String required : List.of("name", "email", "subject", "message")) {
            if (blank(fields.get(required))) {
                throw SandboxError.badRequest("Missing required field: " + required);
            }
        }
        if (!EMAIL.matcher(fields.get("email").trim()).matches()) {
            throw SandboxError.badRequest("Invalid email address");
        }
        String format = Optional.ofNullable(fields.get("format")).map(f -> f.toLowerCase(Locale.ROOT)).orElse("text");
        if (!FORMATS.contains(format)) {
            throw SandboxError.badRequest("Invalid format. Allowed: text, html, markdown");
        }
        if ("markdown".equals(format) && !options.markdownPlugin()) {
            throw new SandboxError(501, "Markdown plugin not available");
        }
        Directory dir = store.directory();
        Long department = fields.get("departmentId") == null ? null
                : Directory.byNameOrId(dir.departments(), fields.get("departmentId"))
                .orElseThrow(() -> SandboxError.notFound("Department '" + fields.get("departmentId") + "' not found"))
                .id();
        Long priority = fields.get("priority") == null ? null
                : lookup(dir.priorities(), fields.get("priority"), "Invalid priority: '" + fields.get("priority") + "'");
        Long topic = fields.get("topicId") == null ? null
                : lookup(dir.topics(), fields.get("topicId"), "Invalid topicId: " + fields.get("topicId"));
        SandboxTicket parent = fields.get("parentTicketId") == null ? null
                : store.byNumberOrId(fields.get("parentTicketId").trim())
                .orElseThrow(() -> SandboxError.notFound("Parent ticket not found"));
        Instant due = fields.get("duedate") == null ? null : dueDate(fields.get("duedate"));

        Instant now = store.now();
        SandboxTicket ticket = store.open(fields.get("name").trim(), fields.get("email").trim(),
                Optional.ofNullable(fields.get("ip")).orElse("127.0.0.1"),
                Optional.ofNullable(fields.get("source")).orElse("API"), now);
        ticket.subject = fields.get("subject");
        ticket.phone = fields.get("phone");
        if (department != null) {
            ticket.departmentId = department;
        }
        if (priority != null) {
            ticket.priorityId = priority;
        }
        ticket.topicId = topic;
        ticket.parentId = parent == null ? null : parent.id;
        ticket.dueDate = due;
        store.addEntry(ticket, "M", ticket.name, null, fields.get("message"), format, now, files);
        rememberMessageId(fields, ticket);
        ObjectNode body = object()
                .put("ticket_id", ticket.id)
                .put("number", ticket.number)
                .put("subject", ticket.subject)
                .put("message", "Ticket created successfully");
        return Answer.of(201, body);
    }

    private Answer get(SandboxRequest request, Matcher match) {
        SandboxTicket ticket = ticket(match.group("key"));
        return new Answer(200, ticketNode(ticket), "ticket", null, null, 0);
    }

    private Answer update(SandboxRequest request, Matcher match) {
        SandboxTicket ticket = ticket(match.group("key"));
        JsonNode body = jsonBody(request);
        if (body.isEmpty()) {
            throw SandboxError.badRequest("No fields to update");
        }
        Directory dir = store.directory();
        List<String> updated = new ArrayList<>();
        Instant now = store.now();
        String status = text(body, "statusId");
        if (status != null) {
            Directory.Status next = dir.status(status)
                    .orElseThrow(() -> SandboxError.badRequest("Invalid status name: '" + status + "'"));
            ticket.statusId = next.id();
            ticket.closed = next.isOpen() ? null : now;
            updated.add("status");
        }
        String department = text(body, "departmentId");
        if (department != null) {
            ticket.departmentId = lookup(dir.departments(), department, "Invalid department: '" + department + "'");
            updated.add("department");
        }
        String topic = text(body, "topicId");
        if (topic != null) {
            ticket.topicId = lookup(dir.topics(), topic, "Invalid topicId: " + topic);
            updated.add("topic");
        }
        String sla = text(body, "slaId");
        if (sla != null) {
            ticket.slaId = lookup(dir.slas(), sla, "Invalid SLA plan: '" + sla + "'");
            updated.add("sla");
        }
        String staff = text(body, "staffId");
        if (staff != null) {
            // Documented: an unknown staff member unassigns the ticket.
            ticket.staffId = dir.staffMember(staff).map(Directory.Staff::id).orElse(null);
            updated.add("staff");
        }
        String team = text(body, "teamId");
        if (team != null) {
            ticket.teamId = lookup(dir.teams(), team, "Invalid teamId: " + team);
            updated.add("team");
        }
        String priority = text(body, "priority");
        if (priority != null) {
            ticket.priorityId = lookup(dir.priorities(), priority, "Invalid priority: '" + priority + "'");
            updated.add("priority");
        }
        String due = text(body, "duedate");
        if (due != null) {
            ticket.dueDate = dueDate(due);
            updated.add("duedate");
        }
        String note = text(body, "note");
        if (note != null) {
            store.addEntry(ticket, "N", "API", text(body, "noteTitle"), note, "text", now, List.of());
            updated.add("note");
        }
        if (updated.isEmpty()) {
            throw SandboxError.badRequest("No fields to update");
        }
        ticket.updated = now;
        ObjectNode answer = object()
                .put("success", true)
                .put("message", "Ticket updated successfully")
                .put("ticket_id", ticket.id)
                .put("number", ticket.number);
        ArrayNode fieldsNode = answer.putArray("updated_fields");
        updated.forEach(fieldsNode::add);
        return Answer.ok(answer);
    }

    private Answer search(SandboxRequest request, Matcher match) {
        int limit = integer(request.queryParameter("limit"), 20, "Invalid limit parameter (max: 100)");
        if (limit < 1 || limit > 100) {
            throw SandboxError.badRequest("Invalid limit parameter (max: 100)");
        }
        int offset = integer(request.queryParameter("offset"), 0, "Invalid offset parameter");
        if (offset < 0) {
            throw SandboxError.badRequest("Invalid offset parameter");
        }
        String sortBy = Optional.ofNullable(request.queryParameter("sortBy")).orElse("created");
        Comparator<SandboxTicket> order = switch (sortBy) {
            case "created" -> Comparator.comparing((SandboxTicket t) -> t.created);
            case "updated" -> Comparator.comparing((SandboxTicket t) -> t.updated);
            case "priority" -> Comparator.comparingLong((SandboxTicket t) -> t.priorityId);
            default -> throw SandboxError.badRequest("Invalid sortBy. Allowed: created, updated, priority");
        };
        order = order.thenComparingLong(t -> t.id);
        String sortOrder = Optional.ofNullable(request.queryParameter("sortOrder")).orElse("desc");
        if (!Set.of("asc", "desc").contains(sortOrder)) {
            throw SandboxError.badRequest("Invalid sortOrder. Allowed: asc, desc");
        }
        if ("desc".equals(sortOrder)) {
            order = order.reversed();
        }
        Predicate<SandboxTicket> filter = searchFilter(request);
        SortedPage<SandboxTicket> found = SortedPage.of(store.all(), filter, order, offset, limit);
        List<SandboxTicket> page = found.page();
        ObjectNode answer = object()
                .put("count", page.size())
                .put("total", found.total())
                .put("limit", limit)
                .put("offset", offset);
        ArrayNode tickets = answer.putArray("tickets");
        page.forEach(t -> tickets.add(summaryNode(t)));
        return Answer.ok(answer).walking(found.total());
    }

    private Predicate<SandboxTicket> searchFilter(SandboxRequest request) {
        Predicate<SandboxTicket> filter = t -> true;
        String query = request.queryParameter("query");
        if (!blank(query)) {
            String needle = query.toLowerCase(Locale.ROOT);
            filter = filter.and(t -> t.number.contains(needle) || t.subject.toLowerCase(Locale.ROOT).contains(needle)
                    || t.thread.stream().anyMatch(e -> e.body().toLowerCase(Locale.ROOT).contains(needle)));
        }
        String status = request.queryParameter("status");
        if (!blank(status)) {
            filter = filter.and(t -> store.directory().status(t.statusId).name().equalsIgnoreCase(status.trim()));
        }
        filter = filter.and(idFilter(request, "departmentId", t -> t.departmentId));
        filter = filter.and(idFilter(request, "topicId", t -> t.topicId));
        filter = filter.and(idFilter(request, "priorityId", t -> t.priorityId));
        return filter.and(idFilter(request, "staffId", t -> t.staffId));
    }

    private static Predicate<SandboxTicket> idFilter(SandboxRequest request, String parameter,
                                                     java.util.function.Function<SandboxTicket, Long> field) {
        String value = request.queryParameter(parameter);
        if (blank(value)) {
            return t -> true;
        }
        long id = integer(value, 0, "Invalid " + parameter);
        return t -> Long.valueOf(id).equals(field.apply(t));
    }

    private Answer delete(SandboxRequest request, Matcher match) {
        SandboxTicket ticket = ticket(match.group("key"));
        store.delete(ticket);
        return Answer.ok(object()
                .put("success", true)
                .put("message", "Ticket deleted successfully")
                .put("ticket_id", ticket.id)
                .put("number", ticket.number));
    }

    // ---- stats and statuses

    private Answer stats(SandboxRequest request, Matcher match) {
        Directory dir = store.directory();
        LocalDate today = LocalDate.ofInstant(store.now(), ZoneOffset.UTC);
        String range = Optional.ofNullable(request.queryParameter("dateRange")).orElse("all");
        LocalDate start = switch (range) {
            case "today" -> today;
            case "week" -> today.minusDays(7);
            case "month" -> today.minusDays(30);
            case "year" -> today.minusDays(365);
            case "all" -> null;
            default -> throw SandboxError.badRequest("Invalid dateRange. Allowed: today, week, month, year, all");
        };
        String label = Map.of("today", "Today", "week", "Last 7 days", "month", "Last 30 days", "year",
                "Last 365 days", "all", "All time").get(range);
        LocalDate end = today;
        if (request.queryParameter("startDate") != null) {
            start = date(request.queryParameter("startDate"), "startDate");
            label = "Custom range";
        }
        if (request.queryParameter("endDate") != null) {
            end = date(request.queryParameter("endDate"), "endDate");
            label = "Custom range";
        }
        LocalDate from = start;
        LocalDate to = end;
        Predicate<SandboxTicket> filter = t -> {
            LocalDate created = LocalDate.ofInstant(t.created, ZoneOffset.UTC);
            return (from == null || !created.isBefore(from)) && !created.isAfter(to);
        };
        filter = filter.and(idFilter(request, "departmentId", t -> t.departmentId));
        filter = filter.and(idFilter(request, "staffId", t -> t.staffId));
        List<SandboxTicket> tickets = store.all().stream().filter(filter).toList();

        ObjectNode answer = object();
        Predicate<SandboxTicket> open = t -> dir.status(t.statusId).isOpen();
        answer.set("global", object()
                .put("total", tickets.size())
                .put("open", count(tickets, open))
                .put("closed", count(tickets, open.negate()))
                .put("resolved", count(tickets, t -> "Resolved".equals(dir.status(t.statusId).name())))
                .put("archived", count(tickets, t -> "archived".equals(dir.status(t.statusId).state())))
                .put("overdue", count(tickets, open.and(this::overdue)))
                .put("answered", count(tickets, open.and(t -> t.answered)))
                .put("unanswered", count(tickets, open.and(t -> !t.answered)))
                .put("assigned", count(tickets, open.and(t -> t.staffId != null)))
                .put("unassigned", count(tickets, open.and(t -> t.staffId == null))));
        ArrayNode departments = answer.putArray("by_department");
        for (Directory.Named department : dir.departments()) {
            List<SandboxTicket> inDepartment = tickets.stream().filter(t -> t.departmentId == department.id())
                    .toList();
            if (!inDepartment.isEmpty()) {
                departments.add(object()
                        .put("department_id", department.id())
                        .put("department_name", department.name())
                        .put("total", inDepartment.size())
                        .put("open", count(inDepartment, open))
                        .put("closed", count(inDepartment, open.negate()))
                        .put("overdue", count(inDepartment, open.and(this::overdue)))
                        .put("answered", count(inDepartment, open.and(t -> t.answered)))
                        .put("assigned", count(inDepartment, open.and(t -> t.staffId != null))));
            }
        }
        ArrayNode staff = answer.putArray("by_staff");
        for (Directory.Staff member : dir.staff()) {
            List<SandboxTicket> theirs = tickets.stream().filter(t -> Long.valueOf(member.id()).equals(t.staffId))
                    .toList();
            if (!theirs.isEmpty()) {
                staff.add(object()
                        .put("staff_id", member.id())
                        .put("staff_name", member.name())
                        .put("username", member.username())
                        .put("assigned", count(theirs, open))
                        .put("closed", count(theirs, open.negate()))
                        .put("answered", count(theirs, t -> t.answered))
                        .put("avg_response_time", hours(theirs.stream().map(this::firstResponse)))
                        .put("avg_resolution_time", hours(theirs.stream()
                                .map(t -> t.closed == null ? null : Duration.between(t.created, t.closed)))));
            }
        }
        ArrayNode statuses = answer.putArray("by_status");
        for (Directory.Status status : dir.statuses()) {
            long n = count(tickets, t -> t.statusId == status.id());
            if (n > 0) {
                statuses.add(object().put("status_id", status.id()).put("status", status.name())
                        .put("count", n));
            }
        }
        ArrayNode priorities = answer.putArray("by_priority");
        for (Directory.Named priority : dir.priorities()) {
            long n = count(tickets, t -> t.priorityId == priority.id());
            if (n > 0) {
                priorities.add(object().put("priority_id", priority.id())
                        .put("priority", priority.name()).put("count", n));
            }
        }
        LocalDate earliest = tickets.stream().map(t -> LocalDate.ofInstant(t.created, ZoneOffset.UTC))
                .min(Comparator.naturalOrder()).orElse(today);
        answer.set("date_range", object()
                .put("start", (from == null ? earliest : from).toString())
                .put("end", to.toString())
                .put("label", label));
        return Answer.ok(answer).walking(store.size());
    }

    private Duration firstResponse(SandboxTicket ticket) {
        return ticket.thread.stream().filter(e -> "R".equals(e.type())).findFirst()
                .map(e -> Duration.between(ticket.created, e.created())).orElse(null);
    }

    private static String hours(Stream<Duration> durations) {
        List<Duration> known = durations.filter(d -> d != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        double average = known.stream().mapToLong(Duration::toSeconds).average().orElse(0) / 3600.0;
        return String.format(Locale.ROOT, "%.1f hours", average);
    }

    private Answer statuses(SandboxRequest request, Matcher match) {
        ObjectNode answer = object();
        ArrayNode list = answer.putArray("statuses");
        for (Directory.Status status : store.directory().statuses()) {
            ObjectNode node = list.addObject().put("id", status.id()).put("name", status.name())
                    .put("state", status.state());
            node.putObject("properties").put("description", status.description());
        }
        return Answer.ok(answer);
    }

    // ---- subtickets: by internal id, as documented

    private Answer parent(SandboxRequest request, Matcher match) {
        SandboxTicket child = ticketById(match.group("key"), "Invalid ticket ID", "Child ticket not found");
        ObjectNode answer = object();
        answer.set("parent", store.parent(child).map(p -> (JsonNode) relatedNode(p, true)).orElse(NODES.nullNode()));
        return Answer.ok(answer);
    }

    private Answer children(SandboxRequest request, Matcher match) {
        SandboxTicket parent = ticketById(match.group("key"), "Invalid ticket ID", "Parent ticket not found");
        ObjectNode answer = object();
        ArrayNode list = answer.putArray("children");
        store.children(parent).forEach(c -> list.add(relatedNode(c, true)
                .put("assigned", store.directory().staffMember(c.staffId).map(Directory.Staff::name).orElse(null))));
        return Answer.ok(answer);
    }

    private Answer link(SandboxRequest request, Matcher match) {
        JsonNode body = jsonBody(request);
        Long parentId = JsonIds.positive(body.get("parent_id"));
        Long childId = JsonIds.positive(body.get("child_id"));
        if (parentId == null || childId == null) {
            throw SandboxError.badRequest("Invalid parent_id or child_id");
        }
        if (parentId.equals(childId)) {
            throw SandboxError.badRequest("Parent and child ticket cannot be the same");
        }
        SandboxTicket parent = store.byId(parentId).orElseThrow(() -> SandboxError.notFound("Parent ticket not found"));
        SandboxTicket child = store.byId(childId).orElseThrow(() -> SandboxError.notFound("Child ticket not found"));
        if (child.parentId != null) {
            throw new SandboxError(409, "Child ticket already has a parent (Ticket #"
                    + store.parent(child).map(p -> p.number).orElse("?") + ")");
        }
        if (store.isSelfOrAncestor(child, parent)) {
            throw new SandboxError(409, "Circular dependency detected: Cannot make parent a child of its descendant");
        }
        child.parentId = parent.id;
        ObjectNode answer = object()
                .put("success", true)
                .put("message", "Subticket relationship created successfully");
        answer.set("parent", relatedNode(parent, false));
        answer.set("child", relatedNode(child, false));
        return Answer.of(201, answer);
    }

    private Answer unlink(SandboxRequest request, Matcher match) {
        Long childId = JsonIds.positive(jsonBody(request).get("child_id"));
        if (childId == null) {
            throw SandboxError.badRequest("Invalid child_id");
        }
        SandboxTicket child = store.byId(childId).orElseThrow(() -> SandboxError.notFound("Child ticket not found"));
        SandboxTicket parent = store.parent(child)
                .orElseThrow(() -> SandboxError.notFound("Ticket has no parent relationship"));
        child.parentId = null;
        ObjectNode answer = object()
                .put("success", true)
                .put("message", "Subticket relationship removed successfully");
        answer.set("child", relatedNode(child, false));
        answer.putObject("former_parent").put("ticket_id", parent.id).put("number", parent.number);
        return Answer.ok(answer);
    }

    // ---- rendering

    private ObjectNode ticketNode(SandboxTicket t) {
        Directory dir = store.directory();
        ObjectNode node = object()
                .put("ticket_id", t.id)
                .put("number", t.number)
                .put("subject", t.subject)
                .put("name", t.name)
                .put("email", t.email)
                .put("phone", t.phone)
                .put("status", dir.status(t.statusId).name())
                .put("priority", dir.name(dir.priorities(), t.priorityId))
                .put("department", dir.name(dir.departments(), t.departmentId))
                .put("topic", dir.name(dir.topics(), t.topicId))
                .put("sla", dir.name(dir.slas(), t.slaId))
                .put("created", ServerTime.format(t.created))
                .put("updated", ServerTime.format(t.updated))
                .put("duedate", ServerTime.format(t.dueDate))
                .put("isoverdue", overdue(t))
                .put("source", t.source)
                .put("ip", t.ip);
        ArrayNode thread = node.putArray("thread");
        for (SandboxTicket.Entry e : t.thread) {
            ObjectNode entry = thread.addObject()
                    .put("id", e.id())
                    .put("type", Map.of("M", "message", "R", "response", "N", "note").get(e.type()))
                    .put("poster", e.poster());
            if (e.title() != null) {
                entry.put("title", e.title());
            }
            entry.put("body", e.body()).put("format", e.format()).put("created", ServerTime.format(e.created()));
            if (!e.attachments().isEmpty()) {
                ArrayNode files = entry.putArray("attachments");
                e.attachments().forEach(a -> files.addObject().put("filename", a.filename())
                        .put("type", a.contentType()).put("size", a.size()));
            }
        }
        node.putObject("staff")
                .put("assigned", dir.staffMember(t.staffId).map(Directory.Staff::name).orElse(null))
                .put("team", dir.name(dir.teams(), t.teamId));
        return node;
    }

    private ObjectNode summaryNode(SandboxTicket t) {
        Directory dir = store.directory();
        ObjectNode node = object()
                .put("ticket_id", t.id)
                .put("number", t.number)
                .put("subject", t.subject)
                .put("status", dir.status(t.statusId).name())
                .put("priority", dir.name(dir.priorities(), t.priorityId))
                .put("department", dir.name(dir.departments(), t.departmentId))
                .put("created", ServerTime.format(t.created))
                .put("updated", ServerTime.format(t.updated))
                .put("duedate", ServerTime.format(t.dueDate))
                .put("isoverdue", overdue(t));
        node.putObject("user").put("name", t.name).put("email", t.email);
        node.putObject("staff").put("assigned", dir.staffMember(t.staffId).map(Directory.Staff::name).orElse(null));
        return node;
    }

    /** Parent and child payloads; the lookups carry department and times, link answers only four fields. */
    private ObjectNode relatedNode(SandboxTicket t, boolean detailed) {
        Directory dir = store.directory();
        ObjectNode node = object()
                .put("ticket_id", t.id)
                .put("number", t.number)
                .put("subject", t.subject)
                .put("status", dir.status(t.statusId).name());
        if (detailed) {
            node.put("department", dir.name(dir.departments(), t.departmentId))
                    .put("created", ServerTime.format(t.created))
                    .put("updated", ServerTime.format(t.updated));
        }
        return node;
    }

    // ---- request reading

    private boolean overdue(SandboxTicket t) {
        return t.dueDate != null && t.dueDate.isBefore(store.now()) && store.directory().status(t.statusId).isOpen();
    }

    private SandboxTicket ticket(String key) {
        if (!TICKET_KEY.matcher(key).matches()) {
            throw SandboxError.badRequest("Invalid ticket number");
        }
        return store.byNumberOrId(key).orElseThrow(() -> SandboxError.notFound("Ticket not found"));
    }

    private SandboxTicket ticketById(String key, String invalid, String missing) {
        if (!SandboxStore.isDigits(key)) {
            throw SandboxError.badRequest(invalid);
        }
        return store.byId(Long.parseLong(key)).orElseThrow(() -> SandboxError.notFound(missing));
    }



    private static LocalDate date(String value, String parameter) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw SandboxError.badRequest("Invalid " + parameter + ". Use ISO 8601 (YYYY-MM-DD)");
        }
    }

    /** The id of the item a name or id names; a 400 with {@code error} when none does. */
    private static long lookup(List<Directory.Named> items, String nameOrId, String error) {
        return Directory.byNameOrId(items, nameOrId).orElseThrow(() -> SandboxError.badRequest(error)).id();
    }


    private static int integer(String value, int fallback, String error) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw SandboxError.badRequest(error);
        }
    }


}
