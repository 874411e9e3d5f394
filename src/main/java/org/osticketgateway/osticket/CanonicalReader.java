package org.osticketgateway.osticket;

import static org.osticketgateway.osticket.JsonFields.count;
import static org.osticketgateway.osticket.JsonFields.number;
import static org.osticketgateway.osticket.JsonFields.present;
import static org.osticketgateway.osticket.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.DepartmentStats;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.NamedCount;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.Requester;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.StaffStats;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsCounts;
import org.osticketgateway.osticket.model.StatsPeriod;
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * Reads answers of either dialect into the canonical records. The two differ in names
 * ({@code ticket_id}/{@code id}, {@code isoverdue}/{@code isOverdue}, {@code duedate}/{@code dueDate},
 * {@code created}/{@code timestamp}), in nesting (people as strings or as name/email objects, a
 * {@code global} wrapper or none, lists or objects keyed by name) and in codes (thread types
 * {@code message} or {@code M}); this reads every form seen, so a field is read in one place.
 */
final class CanonicalReader {

    private final JsonFields fields;

    CanonicalReader(TimestampCodec timestamps) {
        this.fields = new JsonFields(timestamps);
    }

    CreatedTicket created(JsonNode node) {
        return new CreatedTicket(id(node), text(node, "number"), text(node, "subject"));
    }

    Ticket ticket(JsonNode node) {
        JsonNode user = node.path("user");
        Requester requester = new Requester(
                firstNonNull(text(node, "name"), person(user.get("name"))),
                firstNonNull(text(node, "email"), email(user.get("email"))),
                text(node, "phone"));
        return new Ticket(id(node), text(node, "number"), text(node, "subject"), requester,
                text(node, "status"), number(node, "statusId"),
                text(node, "priority"), number(node, "priorityId"),
                text(node, "department"), number(node, "departmentId"),
                text(node, "topic"), number(node, "topicId"),
                text(node, "sla"), number(node, "slaId"),
                assignee(node), number(node, "staffId"),
                team(node), number(node, "teamId"),
                fields.instant(node, "created"), fields.instant(node, "updated"), dueDate(node),
                fields.instant(node, "closed"), overdue(node), answered(node),
                text(node, "source"), text(node, "ip"),
                list(node.get("thread"), this::threadEntry));
    }

    TicketSummary summary(JsonNode node) {
        JsonNode user = node.path("user");
        return new TicketSummary(id(node), text(node, "number"), text(node, "subject"),
                text(node, "status"), number(node, "statusId"),
                text(node, "priority"), number(node, "priorityId"),
                text(node, "department"), number(node, "departmentId"),
                assignee(node), number(node, "staffId"),
                person(user.get("name")), email(user.get("email")),
                fields.instant(node, "created"), fields.instant(node, "updated"), dueDate(node), overdue(node),
                answered(node));
    }

    /** A search answer: the documented {@code {count,total,limit,offset,tickets}} or a bare list. */
    SearchPage searchPage(JsonNode node, int limit, int offset) {
        if (node.isArray()) {
            return new SearchPage(list(node, this::summary), null, limit, offset);
        }
        Long reportedLimit = number(node, "limit");
        Long reportedOffset = number(node, "offset");
        return new SearchPage(list(node.get("tickets"), this::summary), number(node, "total"),
                reportedLimit == null ? limit : reportedLimit.intValue(),
                reportedOffset == null ? offset : reportedOffset.intValue());
    }

    RelatedTicket related(JsonNode node) {
        return new RelatedTicket(id(node), text(node, "number"), text(node, "subject"), text(node, "status"),
                text(node, "department"), fields.instant(node, "created"), fields.instant(node, "updated"),
                firstNonNull(text(node, "assigned"), person(node.get("staff"))));
    }

    /** The related ticket under {@code field}, or null when absent or null. */
    RelatedTicket relatedOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isObject() ? null : related(value);
    }

    List<RelatedTicket> children(JsonNode node) {
        return list(node.isArray() ? node : node.get("children"), this::related);
    }

    /** Statuses: {@code {"statuses":[…]}} or a bare list. */
    List<TicketStatus> statuses(JsonNode node) {
        return list(node.isArray() ? node : node.get("statuses"), s -> new TicketStatus(id(s), text(s, "name"),
                text(s, "state"), text(s.path("properties"), "description")));
    }

    Stats stats(JsonNode node) {
        JsonNode global = node.has("global") ? node.get("global") : node;
        StatsCounts counts = new StatsCounts(count(global, "total"), count(global, "open"), count(global, "closed"),
                number(global, "resolved"), number(global, "archived"), count(global, "overdue"),
                number(global, "answered"), number(global, "unanswered"), number(global, "assigned"),
                number(global, "unassigned"));
        JsonNode range = node.get("date_range");
        StatsPeriod period = range == null || !range.isObject() ? null : new StatsPeriod(
                date(text(range, "start")), date(text(range, "end")), text(range, "label"));
        return new Stats(counts, departments(node.get("by_department")), list(node.get("by_staff"), this::staff),
                list(node.get("by_status"), s -> new NamedCount(number(s, "status_id"), text(s, "status"),
                        count(s, "count"))),
                list(node.get("by_priority"), p -> new NamedCount(number(p, "priority_id"), text(p, "priority"),
                        count(p, "count"))),
                period);
    }

    private List<DepartmentStats> departments(JsonNode node) {
        if (node != null && node.isObject()) {
            // The plugin keys departments by name.
            List<DepartmentStats> result = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                result.add(department(entry.getKey(), entry.getValue()));
            }
            return result;
        }
        return list(node, d -> department(text(d, "department_name"), d));
    }

    private DepartmentStats department(String name, JsonNode d) {
        return new DepartmentStats(number(d, "department_id"), name, count(d, "total"), count(d, "open"),
                count(d, "closed"), count(d, "overdue"), number(d, "answered"), number(d, "assigned"));
    }

    private StaffStats staff(JsonNode s) {
        return new StaffStats(count(s, "staff_id"), person(s.get("staff_name")), text(s, "username"),
                number(s, "total"), number(s, "assigned"), number(s, "closed"), number(s, "answered"),
                text(s, "avg_response_time"), text(s, "avg_resolution_time"));
    }

    private ThreadEntry threadEntry(JsonNode node) {
        JsonNode body = node.get("body");
        boolean bodyObject = body != null && body.isObject();
        String format = bodyObject ? text(body, "type") : text(node, "format");
        return new ThreadEntry(id(node), ThreadEntryType.fromApi(text(node, "type")), person(node.get("poster")),
                text(node, "title"), bodyObject ? text(body, "body") : text(node, "body"),
                MessageFormat.fromApi(format),
                present(node, "created") ? fields.instant(node, "created") : fields.instant(node, "timestamp"),
                list(node.get("attachments"), file -> file.isObject()
                        ? firstNonNull(text(file, "filename"), text(file, "name")) : file.asText()));
    }

    private static long id(JsonNode node) {
        Long id = number(node, "ticket_id");
        if (id == null) {
            id = number(node, "id");
        }
        if (id == null) {
            throw new IllegalArgumentException("the answer has no ticket_id or id");
        }
        return id;
    }

    private java.time.Instant dueDate(JsonNode node) {
        return present(node, "duedate") ? fields.instant(node, "duedate") : fields.instant(node, "dueDate");
    }

    private static boolean overdue(JsonNode node) {
        return JsonFields.isTrue(node, "isoverdue") || JsonFields.isTrue(node, "isOverdue");
    }

    private static Boolean answered(JsonNode node) {
        Boolean value = JsonFields.flag(node, "isanswered");
        return value != null ? value : JsonFields.flag(node, "isAnswered");
    }

    /** Staff as {@code {"assigned":…,"team":…}} (documented), a name object, or a string. */
    private static String assignee(JsonNode node) {
        JsonNode staff = node.get("staff");
        if (staff != null && staff.isObject() && staff.has("assigned")) {
            return text(staff, "assigned");
        }
        return person(staff);
    }

    private static String team(JsonNode node) {
        JsonNode staff = node.get("staff");
        if (staff != null && staff.isObject() && staff.has("team")) {
            return text(staff, "team");
        }
        return text(node, "team");
    }

    /** A person's name: a string, or osTicket's name object whose {@code name} is the full name. */
    private static String person(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return person(value.get("name"));
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** An address: a string, or osTicket's email object. */
    private static String email(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return text(value, "email");
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> reader) {
        List<T> result = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> result.add(reader.apply(item)));
        }
        return result;
    }
}
