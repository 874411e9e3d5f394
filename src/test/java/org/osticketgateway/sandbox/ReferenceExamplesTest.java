package org.osticketgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replays the reference's own curl examples as raw HTTP against the sandbox and checks each
 * answer's status and shape against the reference. Where an example names a ticket the sandbox
 * does not have ("ABC123", 100, 200), a ticket of the sandbox stands in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceExamplesTest {

    private static final String KEY = "YOUR_API_KEY";
    private static final String CREATE_ONLY = "CREATE_ONLY_KEY";
    private static final Set<String> TICKET_FIELDS = Set.of("ticket_id", "number", "subject", "name", "email",
            "phone", "status", "priority", "department", "topic", "sla", "created", "updated", "duedate",
            "isoverdue", "source", "ip", "thread", "staff");
    private static final Set<String> SEARCH_ITEM_FIELDS = Set.of("ticket_id", "number", "subject", "status",
            "priority", "department", "created", "updated", "duedate", "isoverdue", "user", "staff");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SandboxServer sandbox;
    private SandboxServer noMarkdown;

    /** One raw answer. */
    private record Answer(int status, String contentType, String body, JsonNode tree) {
    }

    @BeforeAll
    void start() throws IOException {
        SandboxOptions options = SandboxOptions.withKey(KEY).withApiKey(CREATE_ONLY,
                Set.of(Permission.CAN_CREATE_TICKETS));
        sandbox = SandboxServer.start(0, options, true);
        noMarkdown = SandboxServer.start(0, options.withMarkdownPlugin(false), false);
    }

    @AfterAll
    void stop() {
        sandbox.close();
        noMarkdown.close();
    }

    private Answer send(SandboxServer server, String key, String method, String path, String contentType,
                        byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode tree = type.startsWith("application/json") ? json.readTree(response.body()) : null;
        return new Answer(response.statusCode(), type, response.body(), tree);
    }

    private Answer json(String method, String path, String body) throws Exception {
        return send(sandbox, KEY, method, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer get(String path) throws Exception {
        return json("GET", path, null);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String createTicket(String subject) throws Exception {
        return json("POST", "/tickets.json", "{\"name\":\"John Doe\",\"email\":\"john@example.com\",\"subject\":\""
                + subject + "\",\"message\":\"m\"}").tree().get("number").asText();
    }

    private long idOf(String number) throws Exception {
        return get("/tickets-get.php/" + number + ".json").tree().get("ticket_id").asLong();
    }

    @Test
    void createTicketExamples() throws Exception {
        Answer basic = json("POST", "/tickets.json", """
                {"name": "John Doe", "email": "john@example.com", "subject": "Login Issue",
                 "message": "I cannot access my account", "phone": "+1 555-1234"}""");
        assertThat(basic.status()).isEqualTo(201);
        assertThat(fields(basic.tree())).containsExactly("ticket_id", "number", "subject", "message");
        assertThat(basic.tree().get("ticket_id").isInt()).isTrue();
        assertThat(basic.tree().get("subject").asText()).isEqualTo("Login Issue");
        assertThat(basic.tree().get("message").asText()).isEqualTo("Ticket created successfully");

        Answer markdown = json("POST", "/tickets.json", """
                {"name": "Jane Smith", "email": "jane@example.com", "subject": "Bug Report: Payment Failed",
                 "message": "## Problem\\n\\nPayment fails", "format": "markdown", "departmentId": "Billing",
                 "priority": "High"}""");
        assertThat(markdown.status()).isEqualTo(201);

        String parent = basic.tree().get("number").asText();
        Answer subtask = json("POST", "/tickets.json", """
                {"name": "Developer", "email": "dev@example.com", "subject": "Subtask: Database Migration",
                 "message": "Migrate production database to new server", "parentTicketId": "%s",
                 "departmentId": "Development", "duedate": "2025-11-30"}""".formatted(parent));
        assertThat(subtask.status()).isEqualTo(201);
        long child = subtask.tree().get("ticket_id").asLong();
        assertThat(get("/tickets-subtickets-parent.php/" + child + ".json").tree().at("/parent/number").asText())
                .isEqualTo(parent);

        String boundary = "----example";
        String form = part(boundary, "name", "John Doe") + part(boundary, "email", "john@example.com")
                + part(boundary, "subject", "Invoice Request") + part(boundary, "message", "Please see attached invoice")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; "
                + "filename=\"invoice.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
                + part(boundary, "departmentId", "Accounting") + "--" + boundary + "--\r\n";
        Answer multipart = send(sandbox, KEY, "POST", "/tickets.json", "multipart/form-data; boundary=" + boundary,
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(multipart.status()).isEqualTo(201);
        Answer withFile = get("/tickets-get.php/" + multipart.tree().get("number").asText() + ".json");
        assertThat(withFile.tree().get("department").asText()).isEqualTo("Accounting");
        assertThat(withFile.tree().at("/thread/0/attachments/0/filename").asText()).isEqualTo("invoice.pdf");
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void createTicketErrors() throws Exception {
        Answer email = json("POST", "/tickets.json",
                "{\"name\":\"A\",\"email\":\"not-an-email\",\"subject\":\"s\",\"message\":\"m\"}");
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.tree().get("error").asText()).isEqualTo("Invalid email address");

        Answer forbidden = send(sandbox, CREATE_ONLY, "GET", "/tickets-search.php", null, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.tree().get("error").asText()).isEqualTo("API key not authorized");

        Answer department = json("POST", "/tickets.json", "{\"name\":\"A\",\"email\":\"a@example.com\","
                + "\"subject\":\"s\",\"message\":\"m\",\"departmentId\":\"Support Galaxy\"}");
        assertThat(department.status()).isEqualTo(404);
        assertThat(department.tree().get("error").asText()).isEqualTo("Department 'Support Galaxy' not found");

        Answer markdown = send(noMarkdown, KEY, "POST", "/tickets.json", "application/json",
                "{\"name\":\"A\",\"email\":\"a@example.com\",\"subject\":\"s\",\"message\":\"m\",\"format\":\"markdown\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(markdown.status()).isEqualTo(501);
        assertThat(markdown.tree().get("error").asText()).isEqualTo("Markdown plugin not available");

        Answer noKey = send(sandbox, null, "GET", "/tickets-statuses.php", null, null);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.tree().has("error")).isTrue();
    }

    @Test
    void getTicketExamples() throws Exception {
        String number = createTicket("Get example");
        Answer byNumber = get("/tickets-get.php/" + number + ".json");
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(fields(byNumber.tree())).containsExactlyInAnyOrderElementsOf(TICKET_FIELDS);
        assertThat(fields(byNumber.tree().get("staff"))).containsExactly("assigned", "team");
        JsonNode entry = byNumber.tree().get("thread").get(0);
        assertThat(fields(entry)).contains("id", "type", "poster", "body", "format", "created");
        assertThat(entry.get("type").asText()).isEqualTo("message");
        assertThat(byNumber.tree().get("isoverdue").isBoolean()).isTrue();

        Answer byId = get("/tickets-get.php/" + byNumber.tree().get("ticket_id").asLong() + ".json");
        assertThat(byId.tree().get("number").asText()).isEqualTo(number);

        Answer xml = get("/tickets-get.php/" + number + ".xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<ticket>")
                .contains("<number>" + number + "</number>").contains("<thread><entry>")
                .contains("<type>message</type>");

        assertThat(get("/tickets-get.php/999999.json").status()).isEqualTo(404);
        assertThat(get("/tickets-get.php/999999.json").tree().get("error").asText()).isEqualTo("Ticket not found");
        assertThat(get("/tickets-get.php/bad%20number.json").tree().get("error").asText())
                .isEqualTo("Invalid ticket number");
    }

    @Test
    void updateTicketExamples() throws Exception {
        String number = createTicket("Update example");
        Answer status = json("PATCH", "/tickets-update.php/" + number + ".json", "{\"statusId\": \"Resolved\"}");
        assertThat(status.status()).isEqualTo(200);
        assertThat(fields(status.tree())).containsExactly("success", "message", "ticket_id", "number",
                "updated_fields");
        assertThat(status.tree().get("updated_fields").get(0).asText()).isEqualTo("status");

        long id = status.tree().get("ticket_id").asLong();
        Answer assign = json("PATCH", "/tickets-update.php/" + id + ".json",
                "{\"staffId\": \"john.doe\", \"note\": \"Assigned to John for follow-up\"}");
        assertThat(assign.tree().get("updated_fields")).hasSize(2);

        Answer move = json("PATCH", "/tickets-update.php/" + number + ".json",
                "{\"departmentId\": \"Billing\", \"priority\": \"High\"}");
        assertThat(move.status()).isEqualTo(200);

        Answer escalate = json("PATCH", "/tickets-update.php/" + number + ".json", """
                {"statusId": "Open", "priority": "Urgent", "duedate": "2025-11-15", "staffId": "admin",
                 "slaId": "Premium Support", "note": "Escalated to premium support"}""");
        assertThat(escalate.status()).isEqualTo(200);
        JsonNode ticket = get("/tickets-get.php/" + number + ".json").tree();
        assertThat(ticket.get("priority").asText()).isEqualTo("Urgent");
        assertThat(ticket.get("sla").asText()).isEqualTo("Premium Support");
        assertThat(ticket.get("duedate").asText()).isEqualTo("2025-11-15 00:00:00");
        assertThat(ticket.get("isoverdue").asBoolean()).isTrue();

        Answer invalid = json("PATCH", "/tickets-update.php/" + number + ".json", "{\"statusId\": \"InvalidStatus\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.tree().get("error").asText()).isEqualTo("Invalid status name: 'InvalidStatus'");
        Answer unassign = json("PATCH", "/tickets-update.php/" + number + ".json", "{\"staffId\": \"nobody\"}");
        assertThat(unassign.status()).isEqualTo(200);
        assertThat(get("/tickets-get.php/" + number + ".json").tree().at("/staff/assigned").isNull()).isTrue();
    }

    @Test
    void searchExamples() throws Exception {
        for (String query : List.of("?query=login", "?status=Open",
                "?query=payment&status=Open&departmentId=5&limit=50", "?status=Open&limit=20&offset=0",
                "?status=Open&limit=20&offset=20", "?status=Open&sortBy=priority&sortOrder=desc",
                "?status=Open&limit=100")) {
            Answer page = get("/tickets-search.php" + query);
            assertThat(page.status()).as(query).isEqualTo(200);
            assertThat(fields(page.tree())).as(query).containsExactly("count", "total", "limit", "offset", "tickets");
            assertThat(page.tree().get("count").asInt()).isEqualTo(page.tree().get("tickets").size());
            page.tree().get("tickets").forEach(item -> {
                assertThat(fields(item)).containsExactlyInAnyOrderElementsOf(SEARCH_ITEM_FIELDS);
                assertThat(fields(item.get("user"))).containsExactly("name", "email");
            });
        }
        JsonNode login = get("/tickets-search.php?query=login").tree();
        assertThat(login.get("total").asInt()).isPositive();
        JsonNode open = get("/tickets-search.php?status=Open").tree();
        open.get("tickets").forEach(t -> assertThat(t.get("status").asText()).isEqualTo("Open"));

        Answer limit = get("/tickets-search.php?limit=101");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.tree().get("error").asText()).isEqualTo("Invalid limit parameter (max: 100)");
    }

    @Test
    void deleteExamples() throws Exception {
        String number = createTicket("Delete example");
        Answer deleted = json("DELETE", "/tickets-delete.php/" + number + ".json", null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(fields(deleted.tree())).containsExactly("success", "message", "ticket_id", "number");
        assertThat(deleted.tree().get("message").asText()).isEqualTo("Ticket deleted successfully");
        assertThat(json("DELETE", "/tickets-delete.php/" + number + ".json", null).status()).isEqualTo(404);

        long id = idOf(createTicket("Delete by id"));
        assertThat(json("DELETE", "/tickets-delete.php/" + id + ".json", null).status()).isEqualTo(200);
        Answer forbidden = send(sandbox, CREATE_ONLY, "DELETE", "/tickets-delete.php/" + number + ".json", null,
                null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.tree().get("error").asText()).isEqualTo("API key not authorized for this operation");
    }

    @Test
    void statsAndStatusesExamples() throws Exception {
        for (String query : List.of("", "?departmentId=5", "?dateRange=month",
                "?startDate=2025-01-01&endDate=2025-03-31", "?staffId=3&dateRange=month")) {
            Answer stats = get("/tickets-stats.php" + query);
            assertThat(stats.status()).as(query).isEqualTo(200);
            assertThat(fields(stats.tree())).containsExactly("global", "by_department", "by_staff", "by_status",
                    "by_priority", "date_range");
            assertThat(fields(stats.tree().get("global"))).containsExactly("total", "open", "closed", "resolved",
                    "archived", "overdue", "answered", "unanswered", "assigned", "unassigned");
            assertThat(fields(stats.tree().get("date_range"))).containsExactly("start", "end", "label");
        }
        JsonNode all = get("/tickets-stats.php").tree();
        assertThat(all.get("by_department").get(0).has("department_name")).isTrue();
        assertThat(fields(all.get("by_staff").get(0))).containsExactly("staff_id", "staff_name", "username",
                "assigned", "closed", "answered", "avg_response_time", "avg_resolution_time");
        assertThat(get("/tickets-stats.php?startDate=2025-01-01&endDate=2025-03-31").tree().at("/global/total")
                .asInt()).isZero();

        Answer statuses = get("/tickets-statuses.php");
        assertThat(fields(statuses.tree())).containsExactly("statuses");
        assertThat(statuses.tree().get("statuses")).hasSize(5);
        assertThat(fields(statuses.tree().get("statuses").get(0))).containsExactly("id", "name", "state",
                "properties");
        assertThat(statuses.tree().at("/statuses/0/properties/description").asText()).isNotBlank();
    }

    @Test
    void subticketExamples() throws Exception {
        long parent = idOf(createTicket("Server Migration Project"));
        long child = idOf(createTicket("Database Backup"));
        long other = idOf(createTicket("DNS Configuration"));

        assertThat(get("/tickets-subtickets-parent.php/" + child + ".json").tree().get("parent").isNull()).isTrue();
        Answer link = json("POST", "/tickets-subtickets-create.php",
                "{\"parent_id\": " + parent + ", \"child_id\": " + child + "}");
        assertThat(link.status()).isEqualTo(201);
        assertThat(fields(link.tree())).containsExactly("success", "message", "parent", "child");
        assertThat(fields(link.tree().get("child"))).containsExactly("ticket_id", "number", "subject", "status");

        JsonNode found = get("/tickets-subtickets-parent.php/" + child + ".json").tree().get("parent");
        assertThat(fields(found)).containsExactly("ticket_id", "number", "subject", "status", "department",
                "created", "updated");
        JsonNode children = get("/tickets-subtickets-list.php/" + parent + ".json").tree().get("children");
        assertThat(children).hasSize(1);
        assertThat(fields(children.get(0))).containsExactly("ticket_id", "number", "subject", "status",
                "department", "created", "updated", "assigned");
        assertThat(get("/tickets-subtickets-list.php/" + other + ".json").tree().get("children")).isEmpty();

        Answer self = json("POST", "/tickets-subtickets-create.php",
                "{\"parent_id\": " + parent + ", \"child_id\": " + parent + "}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.tree().get("error").asText()).isEqualTo("Parent and child ticket cannot be the same");
        Answer second = json("POST", "/tickets-subtickets-create.php",
                "{\"parent_id\": " + other + ", \"child_id\": " + child + "}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.tree().get("error").asText()).startsWith("Child ticket already has a parent (Ticket #");
        Answer circular = json("POST", "/tickets-subtickets-create.php",
                "{\"parent_id\": " + child + ", \"child_id\": " + parent + "}");
        assertThat(circular.status()).isEqualTo(409);
        assertThat(circular.tree().get("error").asText()).startsWith("Circular dependency detected");
        assertThat(json("POST", "/tickets-subtickets-create.php", "{\"parent_id\": \"x\"}").status()).isEqualTo(400);

        Answer unlink = json("DELETE", "/tickets-subtickets-unlink.php", "{\"child_id\": " + child + "}");
        assertThat(unlink.status()).isEqualTo(200);
        assertThat(fields(unlink.tree())).containsExactly("success", "message", "child", "former_parent");
        assertThat(unlink.tree().at("/former_parent/ticket_id").asLong()).isEqualTo(parent);
        Answer again = json("DELETE", "/tickets-subtickets-unlink.php", "{\"child_id\": " + child + "}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.tree().get("error").asText()).isEqualTo("Ticket has no parent relationship");

        Answer forbidden = send(sandbox, CREATE_ONLY, "GET", "/tickets-subtickets-list.php/" + parent + ".json",
                null, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.tree().get("error").asText()).isEqualTo("API key not authorized for subticket operations");
        assertThat(get("/tickets-subtickets-parent.php/abc.json").status()).isEqualTo(400);
        assertThat(get("/tickets-subtickets-parent.php/999999.json").tree().get("error").asText())
                .isEqualTo("Child ticket not found");
    }
}
