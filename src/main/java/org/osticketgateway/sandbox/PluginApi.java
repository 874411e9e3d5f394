package org.osticketgateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API Endpoints plugin v2.3.4 as really shipped, as recorded in
 * {@code plugin-v2.3.4-differences.md}: bare ticket numbers as text, bare lists, numbers-only
 * lookups, camelCase fields, 0/1 flags, errors as {@code {"error":true,"message":…}}, text/plain or
 * text/html, 401 for a missing permission, 422 for conflicts, ignored fields, and (switchable) the
 * subticket crash and unauthenticated creation.
 */
final class PluginApi extends RoutedApi {

    private static final String FATAL = "<br />\n<b>Fatal error</b>:  Allowed memory size of 268435456 bytes "
            + "exhausted (tried to allocate 2097152 bytes) in <b>/var/www/osticket/include/class.api.php</b> "
            + "on line <b>199</b><br />\n";
    private static final Set<String> FORMATS = Set.of("markdown", "html", "text");
    /** The one address on the sandbox's ban list: osTicket denies its tickets (a core filter, recorded). */
    static final String BANNED = "banned@example.org";
    /** The sources osTicket takes from the API, as its database spells them whatever the case sent. */
    private static final Map<String, String> SOURCES = Map.of("api", "API", "email", "Email", "web", "Web");

    PluginApi(SandboxStore store, SandboxOptions options) {
        super(store, options);
    }

    @Override
    List<Route> routes() {
        Permission create = options.unauthenticatedCreate() ? null : Permission.CAN_CREATE_TICKETS;
        SandboxError deniedSub = new SandboxError(403, "API key not authorized for subticket operations");
        return List.of(
                route("/tickets\\.(?<ext>json)", Set.of("POST"), create, false, denied("create tickets"),
                        Precheck.NONE, this::create),
                mailIntake(new SandboxError(401, "API key not authorized", SandboxResponse.HTML)),
                numbered("tickets-get", Set.of("GET"), Permission.CAN_READ_TICKETS, "read tickets", this::get),
                numbered("tickets-update", Set.of("PATCH", "PUT"), Permission.CAN_UPDATE_TICKETS,
                        "update tickets", this::update),
                route("/tickets-search\\.php(\\.(?<ext>json|xml))?", Set.of("GET"), Permission.CAN_SEARCH_TICKETS,
                        false, denied("search tickets"), Precheck.NONE, this::search),
                numbered("tickets-delete", Set.of("DELETE"), Permission.CAN_DELETE_TICKETS,
                        "delete tickets", this::delete),
                route("/tickets-stats\\.php(\\.(?<ext>json|xml))?", Set.of("GET"), Permission.CAN_READ_STATS, false,
                        denied("read ticket statistics"), Precheck.NONE, this::stats),
                route("/tickets-statuses\\.php(\\.(?<ext>json|xml))?", Set.of("GET"), Permission.CAN_READ_STATS,
                        false, denied("read ticket statistics"), Precheck.NONE, this::statuses),
                subticket("tickets-subtickets-parent", "GET", "child_ticket_number", deniedSub, Precheck.NONE,
                        this::parent),
                subticket("tickets-subtickets-list", "GET", "parent_ticket_number", deniedSub, Precheck.NONE,
                        this::children),
                subticket("tickets-subtickets-create", "POST", "parent_ticket_number", deniedSub, this::linkRequest,
                        this::link),
                subticket("tickets-subtickets-unlink", "DELETE", "child_ticket_number", deniedSub, Precheck.NONE,
                        this::unlink));
    }

    private static SandboxError denied(String action) {
        return new SandboxError(401, "API key not authorized to " + action);
    }

    /** An endpoint of the form {@code /name.php/{number}.json}; any other form is a 400. */
    private static Route numbered(String name, Set<String> methods, Permission permission,
                                  String action, Handler handler) {
        return route(pathWithNumber(name), methods, permission, false, denied(action),
                urlForm(name, "ticket_number"), handler);
    }

    private static Route subticket(String name, String method, String placeholder, SandboxError denied,
                                   Precheck extra, Handler handler) {
        Precheck form = urlForm(name, placeholder);
        return route(pathWithNumber(name), Set.of(method), Permission.CAN_MANAGE_SUBTICKETS, true, denied,
                (request, match) -> {
                    form.check(request, match);
                    extra.check(request, match);
                }, handler);
    }

    private static String pathWithNumber(String name) {
        return "/" + Pattern.quote(name + ".php") + "(?:/(?<key>[^/]+)\\.(?<ext>json|xml))?(?<tail>.*)";
    }

    private static Precheck urlForm(String name, String placeholder) {
        return (request, match) -> {
            if (match.group("key") == null || !match.group("tail").isEmpty()) {
                throw SandboxError.badRequest("Invalid URL format. Expected: /api/" + name + ".php/{" + placeholder
                        + "}.json");
            }
        };
    }

    /** The checks the link endpoint makes before it looks at the key, so they answer even when it crashes. */
    private void linkRequest(SandboxRequest request, Matcher match) {
        String child = text(jsonBody(request), "childId");
        if (blank(child)) {
            throw SandboxError.badRequest("Missing childId in request body");
        }
        if (child.trim().equals(match.group("key"))) {
            throw SandboxError.badRequest("Cannot link ticket to itself");
        }
    }

    @Override
    Answer instead(Route route) {
        // The shipped SubticketApiController recurses through getApiKey() until PHP runs out of memory.
        return route.subticket() && options.subticketCrash() ? Answer.text(200, SandboxResponse.HTML, FATAL) : null;
    }

    @Override
    Answer error(SandboxError error) {
        if (error.contentType() != null) {
            return Answer.text(error.status(), error.contentType(), error.getMessage());
        }
        return Answer.text(error.status(), SandboxResponse.JSON,
                object().put("error", true).put("message", error.getMessage()).toString());
    }

    @Override
    SandboxError methodNotAllowed(Route route) {
        return new SandboxError(405, "Method Not Allowed. Use " + route.methods().iterator().next());
    }

    @Override
    SandboxError missingKey() {
        return new SandboxError(401, "Valid API key required", SandboxResponse.HTML);
    }

    @Override
    String xmlItemName() {
        return "item";
    }

    @Override
    boolean xmlDeclaresEncoding() {
        return false;
    }

    // ---- tickets

    /**
     * The plugin's own checks first (format, department, parent: 400 text/plain), then osTicket core's:
     * the source, the due date, the ban list, the required fields (HTML, "Unable to create new ticket
     * :…"), in the order the lab answered them one at a time.
     */
    private Answer create(SandboxRequest request, Matcher match) {
        Map<String, String> fields = formOrJson(request, new ArrayList<>());
        String format = Optional.ofNullable(fields.get("format")).map(f -> f.toLowerCase(Locale.ROOT)).orElse("text");
        if (!FORMATS.contains(format)) {
            throw new SandboxError(400, "Invalid format. Allowed: markdown, html, text", SandboxResponse.TEXT);
        }
        Directory dir = store.directory();
        Long department = fields.get("departmentId") == null ? null
                : Directory.byNameOrId(dir.departments(), fields.get("departmentId"))
                .orElseThrow(() -> new SandboxError(400, "Department '" + fields.get("departmentId") + "' not found",
                        SandboxResponse.TEXT)).id();
        SandboxTicket parent = fields.get("parentTicketNumber") == null ? null
                : store.byNumber(fields.get("parentTicketNumber").trim())
                .orElseThrow(() -> new SandboxError(400, "Parent ticket not found", SandboxResponse.TEXT));
        originProblem(fields).or(() -> dueDateProblem(fields.get("duedate"))).ifPresent(problem -> {
            throw new SandboxError(500, "Unable to create new ticket :" + problem, SandboxResponse.HTML);
        });
        if (BANNED.equalsIgnoreCase(Optional.ofNullable(fields.get("email")).orElse("").trim())) {
            throw new SandboxError(403, "Unable to create new ticket :Ticket denied: " + BANNED
                    + "\n\nThis help desk is for use by authorized users only", SandboxResponse.HTML);
        }
        List<String> problems = new ArrayList<>();
        if (blank(fields.get("name")) || blank(fields.get("email"))
                || !EMAIL.matcher(fields.get("email").trim()).matches()) {
            problems.add("user\nIncomplete client information");
        }
        if (blank(fields.get("subject"))) {
            problems.add("20\nIssue Summary is a required field");
        }
        if (blank(fields.get("message"))) {
            problems.add("21\nIssue Details is a required field");
        }
        if (!problems.isEmpty()) {
            throw new SandboxError(500, "Unable to create new ticket :" + String.join("\n", problems),
                    SandboxResponse.HTML);
        }
        String message = fields.get("message");
        if (!"markdown".equals(format) || !options.markdownPlugin()) {
            // The plugin drops the format: osTicket keeps every message as HTML (lab-osticket-1.18.1/stock/0010).
            format = "html";
            message = HtmlBody.asStored(message);
        }

        SandboxTicket ticket = store.open(fields.get("name").trim(), fields.get("email").trim(),
                Optional.ofNullable(fields.get("ip")).orElse("127.0.0.1"),
                SOURCES.get(Optional.ofNullable(fields.get("source")).orElse("API").trim().toLowerCase(Locale.ROOT)),
                store.now());
        ticket.subject = fields.get("subject");
        if (department != null) {
            ticket.departmentId = department;
        }
        // osTicket core takes a priority id; a name is ignored, as is the due date.
        String priority = fields.get("priority");
        if (SandboxStore.isDigits(priority)) {
            Directory.byId(dir.priorities(), Long.parseLong(priority)).ifPresent(p -> ticket.priorityId = p.id());
        }
        String topic = fields.get("topicId");
        if (SandboxStore.isDigits(topic)) {
            ticket.topicId = Directory.byId(dir.topics(), Long.parseLong(topic)).map(Directory.Named::id).orElse(null);
        }
        ticket.parentId = parent == null ? null : parent.id;
        store.addEntry(ticket, "M", ticket.name, null, message, format, ticket.created, List.of());
        rememberMessageId(fields, ticket);
        return Answer.text(201, SandboxResponse.HTML, ticket.number);
    }

    /**
     * osTicket core takes the source as the ticket's origin: API is always fine, Email needs a system
     * email id (any number passes, 0 too: core does not look it up), Web a help topic; any other
     * source is refused. The answers are the ones recorded on osTicket 1.18.1.
     */
    private static Optional<String> originProblem(Map<String, String> fields) {
        String source = Optional.ofNullable(fields.get("source")).orElse("API").trim().toLowerCase(Locale.ROOT);
        String missing = "\nerr\nMissing or invalid data \u2014 Correct any errors below and try again";
        return switch (source) {
            case "api" -> Optional.empty();
            case "email" -> SandboxStore.isDigits(fields.get("emailId"))
                    ? Optional.empty() : Optional.of("emailId\nUnknown system email" + missing);
            case "web" -> SandboxStore.isDigits(fields.get("topicId"))
                    ? Optional.empty() : Optional.of("topicId\nSelect a Help Topic" + missing);
            default -> Optional.of("origin\nInvalid ticket origin given\nerr\nNo fields set up");
        };
    }

    /**
     * osTicket core refuses a due date it cannot read or one in the past, writing nothing (a good one
     * it drops: the plugin never sets it).
     */
    private Optional<String> dueDateProblem(String due) {
        if (due == null) {
            return Optional.empty();
        }
        Instant at = ServerTime.parse(due);
        if (at == null) {
            return Optional.of("duedate\nInvalid due date");
        }
        return at.isAfter(store.now()) ? Optional.empty() : Optional.of("duedate\nDue date must be in the future");
    }

    private Answer get(SandboxRequest request, Matcher match) {
        SandboxTicket ticket = store.byNumberOrId(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Ticket not found"));
        return Answer.ok(ticketNode(ticket, "xml".equals(match.group("ext"))));
    }

    private Answer update(SandboxRequest request, Matcher match) {
        SandboxTicket ticket = store.byNumber(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Ticket not found"));
        JsonNode body = jsonBody(request);
        if (body.isEmpty()) {
            throw SandboxError.badRequest("No data provided in JSON body");
        }
        Directory dir = store.directory();
        String status = text(body, "statusId");
        if (status != null) {
            Directory.Status next = dir.status(status)
                    .orElseThrow(() -> SandboxError.notFound("Status '" + status + "' not found"));
            ticket.statusId = next.id();
            ticket.closed = next.isOpen() ? null : store.now();
        }
        String department = text(body, "departmentId");
        if (department != null) {
            ticket.departmentId = Directory.byNameOrId(dir.departments(), department)
                    .orElseThrow(() -> SandboxError.notFound("Department '" + department + "' not found")).id();
        }
        String sla = text(body, "slaId");
        if (sla != null) {
            ticket.slaId = Directory.byNameOrId(dir.slas(), sla)
                    .orElseThrow(() -> SandboxError.notFound("SLA '" + sla + "' not found")).id();
        }
        String staff = text(body, "staffId");
        if (staff != null) {
            ticket.staffId = dir.staffMember(staff).orElseThrow(() -> SandboxError.notFound("Staff member not found"))
                    .id();
        }
        String due = text(body, "dueDate");
        if (due != null) {
            ticket.dueDate = Optional.ofNullable(ServerTime.parse(due)).orElseThrow(() -> SandboxError.badRequest(
                    "Invalid date format for dueDate. Expected ISO 8601 format (e.g., \"2025-01-31\" or "
                            + "\"2025-01-31T17:30:00\")"));
        }
        String parent = text(body, "parentTicketNumber");
        if (parent != null) {
            ticket.parentId = store.byNumber(parent).orElseThrow(() -> SandboxError.notFound("Parent ticket not found"))
                    .id;
        }
        String note = text(body, "note");
        if (note != null) {
            // osTicket keeps a note as HTML whatever its noteFormat, unless the Markdown plugin takes it.
            String format = Optional.ofNullable(text(body, "noteFormat")).orElse("markdown");
            boolean asHtml = !"markdown".equals(format) || !options.markdownPlugin();
            store.addEntry(ticket, "N", "API", Optional.ofNullable(text(body, "noteTitle")).orElse("API Update"),
                    asHtml ? HtmlBody.asStored(note) : note, asHtml ? "html" : format, store.now(), dataUris(body));
        }
        // topicId answers 200 but is not saved; priority, duedate and teamId are not read at all.
        ticket.updated = store.now();
        return Answer.text(200, SandboxResponse.TEXT, ticket.number);
    }

    /** Attachments as osTicket's data-URI list: {@code [{"name.txt": "data:text/plain;base64,…"}]}. */
    private static List<SandboxTicket.Attachment> dataUris(JsonNode body) {
        List<SandboxTicket.Attachment> files = new ArrayList<>();
        JsonNode list = body.get("attachments");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                item.fields().forEachRemaining(file -> {
                    String uri = file.getValue().asText();
                    int comma = uri.indexOf(',');
                    String type = uri.startsWith("data:") && comma > 0 ? uri.substring(5, comma).replace(";base64", "")
                            : "application/octet-stream";
                    byte[] content = comma > 0 ? Base64.getDecoder().decode(uri.substring(comma + 1))
                            : uri.getBytes(StandardCharsets.UTF_8);
                    files.add(new SandboxTicket.Attachment(file.getKey(), type, content.length));
                });
            }
        }
        return files;
    }

    private Answer search(SandboxRequest request, Matcher match) {
        int limit = lenientInt(request.queryParameter("limit"), 20);
        limit = limit < 1 ? 20 : Math.min(limit, 100);
        int offset = Math.max(0, lenientInt(request.queryParameter("offset"), 0));
        Comparator<SandboxTicket> order = switch (Optional.ofNullable(request.queryParameter("sort")).orElse("")) {
            case "updated" -> Comparator.comparing((SandboxTicket t) -> t.updated).thenComparingLong(t -> t.id)
                    .reversed();
            case "number" -> Comparator.comparing((SandboxTicket t) -> t.number);
            default -> Comparator.comparing((SandboxTicket t) -> t.created).thenComparingLong(t -> t.id).reversed();
        };
        Predicate<SandboxTicket> filter = t -> true;
        String query = request.queryParameter("query");
        if (!blank(query)) {
            String needle = query.toLowerCase(Locale.ROOT);
            filter = filter.and(t -> t.subject.toLowerCase(Locale.ROOT).contains(needle));
        }
        Directory dir = store.directory();
        String status = request.queryParameter("status");
        Optional<Directory.Status> wanted = blank(status) ? Optional.empty() : dir.status(status);
        if (wanted.isPresent()) {
            filter = filter.and(t -> t.statusId == wanted.get().id());
        }
        String department = request.queryParameter("department");
        Optional<Directory.Named> inDepartment = blank(department) ? Optional.empty()
                : Directory.byNameOrId(dir.departments(), department.substring(department.lastIndexOf('/') + 1));
        if (inDepartment.isPresent()) {
            filter = filter.and(t -> t.departmentId == inDepartment.get().id());
        }
        ArrayNode list = NODES.arrayNode();
        SortedPage<SandboxTicket> found = SortedPage.of(store.all(), filter, order, offset, limit);
        found.page().forEach(t -> list.add(summaryNode(t)));
        return Answer.ok(list).walking(found.total());
    }

    private Answer delete(SandboxRequest request, Matcher match) {
        SandboxTicket ticket = store.byNumberOrId(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Ticket not found"));
        store.delete(ticket);
        return Answer.text(200, SandboxResponse.TEXT, ticket.number);
    }

    // ---- stats and statuses: every query parameter is ignored

    private Answer stats(SandboxRequest request, Matcher match) {
        List<SandboxTicket> tickets = List.copyOf(store.all());
        Predicate<SandboxTicket> open = this::isOpen;
        ObjectNode answer = object()
                .put("total", tickets.size())
                .put("open", count(tickets, open))
                .put("closed", count(tickets, open.negate()))
                .put("overdue", 0);
        ObjectNode departments = answer.putObject("by_department");
        for (Directory.Named department : store.directory().departments()) {
            List<SandboxTicket> theirs = tickets.stream().filter(t -> t.departmentId == department.id()).toList();
            if (!theirs.isEmpty()) {
                departments.putObject(department.name())
                        .put("total", theirs.size())
                        .put("open", count(theirs, open))
                        .put("closed", count(theirs, open.negate()))
                        .put("overdue", 0);
            }
        }
        if (departments.isEmpty()) {
            // PHP's empty array: the lab answers an empty helpdesk's by_department as [], not {}.
            answer.putArray("by_department");
        }
        ArrayNode staff = answer.putArray("by_staff");
        for (Directory.Staff member : store.directory().staff()) {
            List<SandboxTicket> theirs = tickets.stream().filter(t -> Long.valueOf(member.id()).equals(t.staffId))
                    .toList();
            if (!theirs.isEmpty()) {
                ObjectNode row = staff.addObject().put("staff_id", member.id());
                row.set("staff_name", staffName(member));
                row.put("total", theirs.size());
                ObjectNode byDepartment = row.putObject("departments");
                for (SandboxTicket t : theirs) {
                    String name = store.directory().name(store.directory().departments(), t.departmentId);
                    ObjectNode counts = byDepartment.has(name) ? (ObjectNode) byDepartment.get(name)
                            : byDepartment.putObject(name).put("open", 0).put("closed", 0).put("overdue", 0);
                    String key = isOpen(t) ? "open" : "closed";
                    counts.put(key, counts.get(key).asLong() + 1);
                }
            }
        }
        return Answer.ok(answer).walking(tickets.size());
    }

    private Answer statuses(SandboxRequest request, Matcher match) {
        ArrayNode list = NODES.arrayNode();
        store.directory().statuses().forEach(s -> list.addObject().put("id", s.id()).put("name", s.name())
                .put("state", s.state()));
        return Answer.ok(list);
    }

    // ---- subtickets (as with the crash fixed): by ticket number only

    private Answer parent(SandboxRequest request, Matcher match) {
        SandboxTicket child = store.byNumber(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Child ticket not found"));
        ObjectNode answer = object();
        answer.set("parent", store.parent(child).map(p -> (JsonNode) relatedNode(p)).orElse(NODES.nullNode()));
        return Answer.ok(answer);
    }

    private Answer children(SandboxRequest request, Matcher match) {
        SandboxTicket parent = store.byNumber(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Parent ticket not found"));
        ObjectNode answer = object();
        ArrayNode list = answer.putArray("children");
        store.children(parent).forEach(c -> list.add(relatedNode(c)));
        return Answer.ok(answer);
    }

    private Answer link(SandboxRequest request, Matcher match) {
        SandboxTicket parent = store.byNumber(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Parent ticket not found"));
        SandboxTicket child = store.byNumber(text(jsonBody(request), "childId").trim())
                .orElseThrow(() -> SandboxError.notFound("Child ticket not found"));
        if (Long.valueOf(parent.id).equals(child.parentId)) {
            throw new SandboxError(422, "Subticket relationship already exists");
        }
        if (child.parentId != null) {
            throw new SandboxError(422, "Child ticket already has a different parent");
        }
        if (store.isSelfOrAncestor(child, parent)) {
            throw new SandboxError(500, "Failed to create subticket relationship");
        }
        child.parentId = parent.id;
        ObjectNode answer = object().put("success", true)
                .put("message", "Subticket relationship created successfully");
        answer.set("parent", relatedNode(parent));
        answer.set("child", relatedNode(child));
        return Answer.ok(answer);
    }

    private Answer unlink(SandboxRequest request, Matcher match) {
        SandboxTicket child = store.byNumber(match.group("key"))
                .orElseThrow(() -> SandboxError.notFound("Child ticket not found"));
        if (child.parentId == null) {
            throw SandboxError.notFound("Child has no parent to unlink");
        }
        child.parentId = null;
        ObjectNode answer = object().put("success", true)
                .put("message", "Subticket relationship removed successfully");
        answer.set("child", relatedNode(child));
        return Answer.ok(answer);
    }

    // ---- rendering

    /** In JSON people are osTicket's name and email objects; in XML plain strings. */
    private ObjectNode ticketNode(SandboxTicket t, boolean xml) {
        Directory dir = store.directory();
        ObjectNode node = object()
                .put("id", t.id)
                .put("number", t.number)
                .put("subject", t.subject);
        putCommon(node, t);
        node.put("userId", t.userId);
        ObjectNode user = node.putObject("user");
        if (xml) {
            user.put("name", t.name).put("email", t.email);
        } else {
            ObjectNode name = user.putObject("name").put("format", "original");
            PersonsName parts = PersonsName.split(t.name);
            name.putObject("parts").put("salutation", parts.salutation()).put("first", parts.first())
                    .put("suffix", parts.suffix()).put("last", parts.last()).put("middle", parts.middle());
            name.put("name", t.name);
            user.putObject("email").put("email", t.email).put("address", "\"" + t.name + "\" <" + t.email + ">");
        }
        Optional<Directory.Staff> staff = dir.staffMember(t.staffId);
        node.put("staffId", t.staffId);
        if (staff.isEmpty()) {
            node.putNull("staff");
        } else if (xml) {
            node.put("staff", staff.get().name());
        } else {
            node.set("staff", staffName(staff.get()));
        }
        node.put("teamId", t.teamId).put("team", dir.name(dir.teams(), t.teamId))
                .put("slaId", t.slaId).put("sla", dir.name(dir.slas(), t.slaId))
                .put("created", ServerTime.format(t.created))
                .put("updated", ServerTime.format(t.updated))
                .put("duedate", ServerTime.format(t.dueDate))
                .put("closed", ServerTime.format(t.closed))
                .put("isOverdue", 0)
                .put("isAnswered", t.answered ? 1 : 0)
                .put("source", t.source)
                .put("ip", t.ip);
        ArrayNode children = node.putArray("children");
        store.children(t).forEach(c -> children.add(c.id));
        ArrayNode thread = node.putArray("thread");
        for (SandboxTicket.Entry e : t.thread) {
            ObjectNode entry = thread.addObject().put("id", e.id()).put("type", e.type()).put("poster", e.poster())
                    .put("timestamp", ServerTime.format(e.created()));
            if (xml) {
                entry.put("body", e.body());
            } else {
                ObjectNode body = entry.putObject("body").put("body", e.body()).put("type", e.format());
                body.putArray("stripped_images");
                body.putArray("embedded_images");
                // What osTicket's body classes say of themselves: HTML is balanced, text (mail) is not.
                ObjectNode options = body.putObject("options").put("strip-embedded", !"html".equals(e.format()));
                if ("html".equals(e.format())) {
                    options.put("balanced", true);
                }
            }
            if ("M".equals(e.type())) {
                entry.put("userId", t.userId);
            }
            if (!e.attachments().isEmpty()) {
                ArrayNode files = entry.putArray("attachments");
                // One id serves as osTicket's attachment id and file id; inline images are not kept.
                e.attachments().forEach(a -> files.addObject().put("id", a.id()).put("file_id", a.id())
                        .put("filename", a.filename()).put("size", a.size()).put("mime_type", a.contentType())
                        .put("inline", false));
                entry.put("attachment_count", e.attachments().size());
            }
        }
        return node;
    }

    private ObjectNode summaryNode(SandboxTicket t) {
        Directory dir = store.directory();
        ObjectNode node = object().put("id", t.id).put("number", t.number).put("subject", t.subject);
        putCommon(node, t);
        node.put("created", ServerTime.format(t.created))
                .put("updated", ServerTime.format(t.updated))
                .put("dueDate", ServerTime.format(t.dueDate))
                .put("staffId", t.staffId)
                .set("staff", dir.staffMember(t.staffId).map(s -> (JsonNode) staffName(s)).orElse(NODES.nullNode()));
        node.put("teamId", t.teamId).put("team", dir.name(dir.teams(), t.teamId))
                .put("slaId", t.slaId).put("sla", dir.name(dir.slas(), t.slaId))
                .put("isOverdue", 0)
                .put("isAnswered", t.answered ? 1 : 0);
        return node;
    }

    /** The status, priority, department and topic pairs that get and search both carry. */
    private void putCommon(ObjectNode node, SandboxTicket t) {
        Directory dir = store.directory();
        node.put("statusId", t.statusId).put("status", dir.status(t.statusId).name())
                .put("priorityId", t.priorityId).put("priority", dir.name(dir.priorities(), t.priorityId))
                .put("departmentId", t.departmentId).put("department", dir.name(dir.departments(), t.departmentId))
                .put("topicId", t.topicId).put("topic", dir.name(dir.topics(), t.topicId));
    }

    private ObjectNode relatedNode(SandboxTicket t) {
        return object().put("ticket_id", t.id).put("number", t.number).put("subject", t.subject)
                .put("status", store.directory().status(t.statusId).name());
    }

    private static ObjectNode staffName(Directory.Staff member) {
        ObjectNode name = NODES.objectNode().put("format", "full");
        name.putObject("parts").put("first", member.firstName()).put("last", member.lastName());
        return name.put("name", member.name());
    }

    /** The plugin falls back to a default instead of refusing what it cannot read. */
    private static int lenientInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
