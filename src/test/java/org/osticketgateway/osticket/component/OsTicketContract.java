package org.osticketgateway.osticket.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.ResponseFormat;
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
import org.osticketgateway.osticket.model.ThreadEntry;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.osticket.model.UpdatedTicket;
import org.osticketgateway.sandbox.Permission;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * The contract of {@code osticket:<operation>}: every operation and every documented error,
 * driven through the component against a sandbox over real HTTP. Subclasses choose the sandbox's
 * dialect (the component detects it) and the response format. The expectations are the same for
 * all, except where the shipped plugin cannot do what was asked: there the test says so and
 * expects the gateway to refuse plainly ({@link #plugin()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OsTicketContract {

    static final String KEY = "contract-full-key";
    static final String READ_ONLY_KEY = "contract-read-only-key";

    private SandboxServer sandbox;
    private SandboxServer barebones;
    private CamelContext camel;
    private ProducerTemplate template;

    /** The format the component asks for. */
    abstract ResponseFormat format();

    /** Whether the sandbox speaks the shipped plugin v2.3.4 rather than the documented API. */
    boolean plugin() {
        return false;
    }

    @BeforeAll
    void start() throws Exception {
        // The plugin's two crashes are tested on their own; here its patched behaviour is compared.
        SandboxOptions options = (plugin() ? SandboxOptions.shippedPlugin(KEY).patched() : SandboxOptions.withKey(KEY))
                .withMarkdownPlugin(true)
                .withApiKey(READ_ONLY_KEY, Set.of(Permission.CAN_READ_TICKETS));
        sandbox = SandboxServer.start(0, options, true);
        barebones = SandboxServer.start(0, options.withMarkdownPlugin(false).withSubticketPlugin(false), true);
        camel = new DefaultCamelContext();
        camel.addComponent("osticket", component(sandbox.url(), KEY));
        camel.addComponent("osticket-readonly", component(sandbox.url(), READ_ONLY_KEY));
        camel.addComponent("osticket-badkey", component(sandbox.url(), "no-such-key"));
        camel.addComponent("osticket-barebones", component(barebones.url(), KEY));
        camel.addComponent("osticket-down", component("http://127.0.0.1:9/api", KEY));
        camel.start();
        template = camel.createProducerTemplate();
    }

    private OsTicketComponent component(String url, String key) {
        OsTicketComponent component = new OsTicketComponent();
        component.setBaseUrl(url);
        component.setApiKey(key);
        component.setResponseFormat(format());
        component.setConnectTimeout(2000);
        return component;
    }

    @AfterAll
    void stop() throws Exception {
        camel.close();
        sandbox.close();
        barebones.close();
    }

    // ---- helpers

    private <T> T call(String uri, Object body, Map<String, Object> headers, Class<T> type) {
        return template.requestBodyAndHeaders(uri, body, headers, type);
    }

    private OsTicketException failure(String uri, Object body, Map<String, Object> headers) {
        try {
            template.requestBodyAndHeaders(uri, body, headers);
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OsTicketException.class);
            return (OsTicketException) e.getCause();
        }
        throw new AssertionError("expected " + uri + " to fail");
    }

    private CreatedTicket create(NewTicket ticket) {
        return call("osticket:createTicket", ticket, Map.of(), CreatedTicket.class);
    }

    private CreatedTicket create(String subject) {
        return create(NewTicket.of("Test User", "test.user@example.com", subject, "Body of " + subject));
    }

    private Ticket get(String number) {
        return call("osticket:getTicket", null, Map.of(OsTicketConstants.TICKET_NUMBER, number), Ticket.class);
    }

    private static Map<String, Object> ticket(String number) {
        return Map.of(OsTicketConstants.TICKET_NUMBER, number);
    }

    // ---- createTicket

    @Test
    void createsTicketWithTheFourRequiredFieldsAndReadsItBack() {
        Exchange exchange = template.request("osticket:createTicket", e -> e.getMessage().setBody(
                NewTicket.of("John Doe", "john@example.com", "Login Issue", "I cannot access my account")));
        CreatedTicket created = exchange.getMessage().getBody(CreatedTicket.class);

        assertThat(created.number()).isNotBlank();
        assertThat(created.id()).isPositive();
        assertThat(exchange.getMessage().getHeader(OsTicketConstants.TICKET_NUMBER)).isEqualTo(created.number());
        assertThat(exchange.getMessage().getHeader(OsTicketConstants.TICKET_ID)).isEqualTo(created.id());

        Ticket ticket = get(created.number());
        assertThat(ticket.id()).isEqualTo(created.id());
        assertThat(ticket.subject()).isEqualTo("Login Issue");
        assertThat(ticket.requester().name()).isEqualTo("John Doe");
        assertThat(ticket.requester().email()).isEqualTo("john@example.com");
        assertThat(ticket.status()).isEqualTo("Open");
        assertThat(ticket.created()).isNotNull();
        assertThat(ticket.thread()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ThreadEntryType.MESSAGE);
            assertThat(entry.body()).isEqualTo("I cannot access my account");
        });
    }

    @Test
    void createHonoursEveryDocumentedOption() {
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        NewTicket request = NewTicket.of("Jane Smith", "jane@example.com", "Bug Report: Payment Failed",
                        "<p>Payment <b>fails</b></p>")
                .withFormat(MessageFormat.HTML)
                .withDepartment("Billing")
                .withPriority("High")
                .withTopicId(10L)
                .withDueDate(due)
                .withAutorespond(false)
                .withContact("+1 555-1234", "192.168.1.100", null)
                .withOrigin("Email", 1L, "<contract-1@mail.example.org>");

        Ticket ticket = get(create(request).number());

        assertThat(ticket.department()).isEqualTo("Billing");
        assertThat(ticket.priority()).isEqualTo("High");
        assertThat(ticket.topic()).isEqualTo("Technical Support");
        assertThat(ticket.dueDate()).isEqualTo(LocalDate.parse(due).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (!plugin()) {
            // The plugin's ticket has no phone at all.
            assertThat(ticket.requester().phone()).isEqualTo("+1 555-1234");
        }
        assertThat(ticket.ip()).isEqualTo("192.168.1.100");
        assertThat(ticket.source()).isEqualTo("Email");
        assertThat(ticket.thread().get(0).format()).isEqualTo(MessageFormat.HTML);
    }

    @Test
    void createTakesDepartmentAndPriorityByIdAndMarkdown() {
        NewTicket request = NewTicket.of("Dev", "dev@example.com", "Subtask: Database Migration", "## Plan\n\n- a")
                .withFormat(MessageFormat.MARKDOWN).withDepartment("5").withPriority("1");
        Ticket ticket = get(create(request).number());
        assertThat(ticket.department()).isEqualTo("Development");
        assertThat(ticket.priority()).isEqualTo("Low");
        if (plugin()) {
            // The plugin would collapse Markdown; the gateway sends it rendered as HTML.
            assertThat(ticket.thread().get(0).format()).isEqualTo(MessageFormat.HTML);
            assertThat(ticket.thread().get(0).body()).contains("<h2>Plan</h2>");
        } else {
            assertThat(ticket.thread().get(0).format()).isEqualTo(MessageFormat.MARKDOWN);
        }
    }

    @Test
    void createAcceptsAMapBodyOfTheSameFields() {
        Map<String, Object> body = Map.of("name", "Map User", "email", "map@example.com", "subject", "From a map",
                "message", "hello", "format", "text", "department", "Sales");
        CreatedTicket created = call("osticket:createTicket", body, Map.of(), CreatedTicket.class);
        assertThat(get(created.number()).department()).isEqualTo("Sales");
    }

    @Test
    void createSendsAttachmentsAsMultipart() {
        byte[] pdf = {0x25, 0x50, 0x44, 0x46, 0x00, (byte) 0xff, 0x0a};
        NewTicket request = NewTicket.of("John Doe", "john@example.com", "Invoice Request", "See attached")
                .withDepartment("Accounting")
                .withAttachments(List.of(new Attachment("invoice.pdf", "application/pdf", pdf),
                        new Attachment("notes é.txt", "text/plain", "ok".getBytes(StandardCharsets.UTF_8))));
        Ticket ticket = get(create(request).number());
        assertThat(ticket.department()).isEqualTo("Accounting");
        assertThat(ticket.thread()).flatExtracting(ThreadEntry::attachments)
                .containsExactly("invoice.pdf", "notes é.txt");
    }

    @Test
    void createLinksToAParentGivenByNumber() {
        CreatedTicket parent = create("Parent by create");
        CreatedTicket child = create(NewTicket.of("Dev", "dev@example.com", "Child by create", "x")
                .withParent(org.osticketgateway.osticket.model.TicketRef.ofNumber(parent.number())));
        RelatedTicket found = call("osticket:getParent", null,
                Map.of(OsTicketConstants.CHILD_NUMBER, child.number()), RelatedTicket.class);
        assertThat(found.number()).isEqualTo(parent.number());
    }

    @Test
    void createErrorsAsDocumented() {
        OsTicketException unknownDepartment = failure("osticket:createTicket",
                NewTicket.of("A", "a@example.com", "s", "m").withDepartment("Nowhere"), Map.of());
        assertThat(unknownDepartment.failure()).isEqualTo(OsTicketFailure.NOT_FOUND);
        assertThat(unknownDepartment.status()).isEqualTo(plugin() ? 400 : 404);
        assertThat(unknownDepartment.apiMessage()).contains("Nowhere").contains("not found");
        assertThat(unknownDepartment.isRetryable()).isFalse();

        if (!plugin()) {
            // The plugin dialect renders Markdown itself, so it needs no Markdown plugin.
            OsTicketException markdown = failure("osticket-barebones:createTicket",
                    NewTicket.of("A", "a@example.com", "s", "**m**").withFormat(MessageFormat.MARKDOWN), Map.of());
            assertThat(markdown.failure()).isEqualTo(OsTicketFailure.NOT_IMPLEMENTED);
            assertThat(markdown.apiMessage()).contains("Markdown");
        }

        OsTicketException forbidden = failure("osticket-readonly:createTicket",
                NewTicket.of("A", "a@example.com", "s", "m"), Map.of());
        assertThat(forbidden.failure()).isEqualTo(OsTicketFailure.FORBIDDEN);

        OsTicketException unauthorized = failure("osticket-badkey:createTicket",
                NewTicket.of("A", "a@example.com", "s", "m"), Map.of());
        assertThat(unauthorized.failure()).isEqualTo(OsTicketFailure.UNAUTHORIZED);
        assertThat(unauthorized.getMessage()).doesNotContain("no-such-key");

        OsTicketException parent = failure("osticket:createTicket", NewTicket.of("A", "a@example.com", "s", "m")
                .withParent(org.osticketgateway.osticket.model.TicketRef.ofNumber("999999")), Map.of());
        assertThat(parent.failure()).isEqualTo(OsTicketFailure.NOT_FOUND);
    }

    @Test
    void badInputIsRefusedBeforeAnyCallWithTheFieldNamed() {
        int before = sandbox.ticketCount();

        OsTicketException missing = failure("osticket:createTicket",
                NewTicket.of("A", "a@example.com", " ", "m"), Map.of());
        assertThat(missing.failure()).isEqualTo(OsTicketFailure.INVALID_REQUEST);
        assertThat(missing.getMessage()).contains("subject");

        OsTicketException email = failure("osticket:createTicket", NewTicket.of("A", "not-an-email", "s", "m"),
                Map.of());
        assertThat(email.getMessage()).contains("email");

        OsTicketException due = failure("osticket:createTicket",
                NewTicket.of("A", "a@example.com", "s", "m").withDueDate("next tuesday"), Map.of());
        assertThat(due.getMessage()).contains("dueDate");

        OsTicketException limit = failure("osticket:searchTickets?limit=101", null, Map.of());
        assertThat(limit.failure()).isEqualTo(OsTicketFailure.INVALID_REQUEST);
        assertThat(limit.getMessage()).contains("limit");

        OsTicketException self = failure("osticket:linkSubticket", null,
                Map.of(OsTicketConstants.PARENT_NUMBER, "123456", OsTicketConstants.CHILD_NUMBER, "123456"));
        assertThat(self.getMessage()).contains("child");

        OsTicketException noTicket = failure("osticket:getTicket", null, Map.of());
        assertThat(noTicket.getMessage()).contains(OsTicketConstants.TICKET_NUMBER);

        OsTicketException typo = failure("osticket:createTicket", Map.of("name", "A", "emial", "a@example.com"),
                Map.of());
        assertThat(typo.getMessage()).contains("emial");

        assertThat(sandbox.ticketCount()).isEqualTo(before);
    }

    // ---- getTicket

    @Test
    void getsByNumberOrIdAndReportsMissingTickets() {
        CreatedTicket created = create("Get me");
        Ticket byId = call("osticket:getTicket", null, Map.of(OsTicketConstants.TICKET_ID, created.id()),
                Ticket.class);
        assertThat(byId.number()).isEqualTo(created.number());
        Ticket byOption = call("osticket:getTicket?ticketNumber=" + created.number(), null, Map.of(), Ticket.class);
        assertThat(byOption.id()).isEqualTo(created.id());

        OsTicketException missing = failure("osticket:getTicket", null, ticket("999999"));
        assertThat(missing.failure()).isEqualTo(OsTicketFailure.NOT_FOUND);
        assertThat(missing.apiMessage()).isEqualTo("Ticket not found");

        OsTicketException forbidden = failure("osticket-badkey:getTicket", null, ticket(created.number()));
        assertThat(forbidden.failure()).isEqualTo(OsTicketFailure.UNAUTHORIZED);
    }

    @Test
    void readsTheDemoThreadWithResponsesAndNotes() {
        TicketSummary login = call("osticket:searchTickets?query=Login Issue&limit=100", null, Map.of(),
                SearchPage.class).tickets().stream().min(java.util.Comparator.comparing(TicketSummary::created))
                .orElseThrow();
        Ticket ticket = get(login.number());
        assertThat(ticket.thread()).extracting(ThreadEntry::type)
                .containsExactly(ThreadEntryType.MESSAGE, ThreadEntryType.RESPONSE, ThreadEntryType.NOTE);
        assertThat(ticket.assignee()).isEqualTo("Jane Smith");
        assertThat(ticket.team()).isEqualTo("Level 1 Support");
    }

    // ---- updateTicket

    @Test
    void updatesEveryDocumentedField() {
        CreatedTicket created = create("Update me");
        String due = "2031-02-01 00:00:00";
        TicketUpdate update = new TicketUpdate("Resolved", "Billing", null, "Premium Support", "john.doe", null,
                null, "2031-02-01", "Customer called for status update");

        UpdatedTicket updated = call("osticket:updateTicket", update, ticket(created.number()), UpdatedTicket.class);
        assertThat(updated.number()).isEqualTo(created.number());
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.updatedFields()).containsExactlyInAnyOrder("status", "department", "sla", "staff",
                "duedate", "note");

        Ticket ticket = get(created.number());
        assertThat(ticket.status()).isEqualTo("Resolved");
        assertThat(ticket.department()).isEqualTo("Billing");
        assertThat(ticket.assignee()).isEqualTo("John Doe");
        assertThat(ticket.sla()).isEqualTo("Premium Support");
        assertThat(ticket.dueDate()).isEqualTo(Instant.parse(due.replace(' ', 'T') + "Z"));
        assertThat(ticket.thread()).last().satisfies(note -> {
            assertThat(note.type()).isEqualTo(ThreadEntryType.NOTE);
            assertThat(note.body()).isEqualTo("Customer called for status update");
        });
    }

    @Test
    void updatesPriorityTopicAndTeamWhereTheServerCan() {
        CreatedTicket created = create("Update priority");
        Map<String, Object> headers = ticket(created.number());
        for (TicketUpdate update : List.of(new TicketUpdate(null, null, null, null, null, null, "High", null, null),
                new TicketUpdate(null, null, 15L, null, null, null, null, null, null),
                new TicketUpdate(null, null, null, null, null, 3L, null, null, null))) {
            if (plugin()) {
                // The plugin ignores all three on update: refused, never pretended.
                OsTicketException refused = failure("osticket:updateTicket", update, headers);
                assertThat(refused.failure()).isEqualTo(OsTicketFailure.NOT_IMPLEMENTED);
                assertThat(refused.getMessage()).contains("plugin v2.3.4");
            } else {
                call("osticket:updateTicket", update, headers, UpdatedTicket.class);
            }
        }
        if (!plugin()) {
            Ticket ticket = get(created.number());
            assertThat(ticket.priority()).isEqualTo("High");
            assertThat(ticket.topic()).isEqualTo("Billing Question");
            assertThat(ticket.team()).isEqualTo("Level 2 Support");
        }
    }

    @Test
    void updateErrorsAsDocumented() {
        CreatedTicket created = create("Update errors");
        OsTicketException status = failure("osticket:updateTicket",
                TicketUpdate.none().withStatus("InvalidStatus"), ticket(created.number()));
        assertThat(status.failure()).isEqualTo(OsTicketFailure.BAD_REQUEST);
        assertThat(status.apiMessage()).contains("InvalidStatus");

        OsTicketException missing = failure("osticket:updateTicket", TicketUpdate.none().withNote("x"),
                ticket("999999"));
        assertThat(missing.failure()).isEqualTo(OsTicketFailure.NOT_FOUND);

        OsTicketException empty = failure("osticket:updateTicket", TicketUpdate.none(), ticket(created.number()));
        assertThat(empty.failure()).isEqualTo(OsTicketFailure.INVALID_REQUEST);

        OsTicketException forbidden = failure("osticket-readonly:updateTicket", TicketUpdate.none().withNote("x"),
                ticket(created.number()));
        assertThat(forbidden.failure()).isEqualTo(OsTicketFailure.FORBIDDEN);
    }

    // ---- searchTickets

    @Test
    void searchesWithFiltersSortAndPaging() {
        String marker = "needle-" + System.nanoTime();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(create(NewTicket.of("S", "s@example.com", marker + " " + i, "m").withDepartment("QA"))
                    .number());
        }
        Exchange exchange = template.request("osticket:searchTickets?query=" + marker + "&limit=2&offset=0"
                + "&sortBy=created&sortOrder=desc", e -> { });
        SearchPage first = exchange.getMessage().getBody(SearchPage.class);
        assertThat(first.tickets()).extracting(TicketSummary::number).containsExactly(numbers.get(4),
                numbers.get(3));
        // The plugin does not count matches: the total is unknown there, never made up.
        assertThat(first.total()).isEqualTo(plugin() ? null : 5L);
        assertThat(exchange.getMessage().getHeader(OsTicketConstants.TOTAL)).isEqualTo(plugin() ? null : 5L);

        SearchPage byBody = call("osticket:searchTickets", SearchQuery.all().withQuery(marker).withPage(10, 3)
                .withSort(SortField.CREATED, SortOrder.DESC), Map.of(), SearchPage.class);
        assertThat(byBody.tickets()).extracting(TicketSummary::number).containsExactly(numbers.get(1),
                numbers.get(0));

        SearchPage byDepartment = call("osticket:searchTickets?department=7&query=" + marker, null, Map.of(),
                SearchPage.class);
        assertThat(byDepartment.tickets()).hasSize(5).allSatisfy(t -> {
            assertThat(t.department()).isEqualTo("QA");
            // The plugin's search items carry no user.
            assertThat(t.requesterEmail()).isEqualTo(plugin() ? null : "s@example.com");
        });
        SearchPage closed = call("osticket:searchTickets?ticketStatus=Closed&query=" + marker, null, Map.of(),
                SearchPage.class);
        assertThat(closed.tickets()).isEmpty();
    }

    @Test
    void walksAllPagesLazily() {
        String marker = "walk-" + System.nanoTime();
        for (int i = 0; i < 7; i++) {
            create(marker + " " + i);
        }
        @SuppressWarnings("unchecked")
        Iterator<TicketSummary> all = call("osticket:searchTickets?allPages=true&limit=3&query=" + marker, null,
                Map.of(), Iterator.class);
        List<String> subjects = new ArrayList<>();
        all.forEachRemaining(t -> subjects.add(t.subject()));
        assertThat(subjects).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void searchIsForbiddenWithoutThePermission() {
        assertThat(failure("osticket-readonly:searchTickets", null, Map.of()).failure())
                .isEqualTo(OsTicketFailure.FORBIDDEN);
    }

    // ---- deleteTicket

    @Test
    void deletesAndThenReportsNotFound() {
        CreatedTicket parent = create("Delete parent");
        CreatedTicket child = create("Delete child");
        call("osticket:linkSubticket", null, Map.of(OsTicketConstants.PARENT_NUMBER, parent.number(),
                OsTicketConstants.CHILD_NUMBER, child.number()), SubticketLink.class);

        DeletedTicket deleted = call("osticket:deleteTicket", null, ticket(parent.number()), DeletedTicket.class);
        assertThat(deleted.number()).isEqualTo(parent.number());
        assertThat(deleted.id()).isEqualTo(parent.id());

        assertThat(failure("osticket:getTicket", null, ticket(parent.number())).failure())
                .isEqualTo(OsTicketFailure.NOT_FOUND);
        assertThat(failure("osticket:deleteTicket", null, ticket(parent.number())).failure())
                .isEqualTo(OsTicketFailure.NOT_FOUND);
        assertThat(template.requestBodyAndHeaders("osticket:getParent", null,
                Map.of(OsTicketConstants.CHILD_NUMBER, child.number()))).isNull();
        assertThat(failure("osticket-readonly:deleteTicket", null, ticket(child.number())).failure())
                .isEqualTo(OsTicketFailure.FORBIDDEN);
    }

    // ---- getStats and listStatuses

    @Test
    void statsAddUpAndFilter() {
        create(NewTicket.of("S", "s@example.com", "Stats ticket", "m").withDepartment("Sales"));
        Stats all = call("osticket:getStats", null, Map.of(), Stats.class);
        @SuppressWarnings("unchecked")
        Iterator<TicketSummary> every = call("osticket:searchTickets?allPages=true", null, Map.of(), Iterator.class);
        long total = 0;
        for (; every.hasNext(); every.next()) {
            total++;
        }
        assertThat(all.global().total()).isEqualTo(total);
        assertThat(all.global().open() + all.global().closed()).isEqualTo(total);
        assertThat(all.byDepartment()).extracting(d -> d.name()).contains("Sales", "IT Operations");
        assertThat(all.byDepartment().stream().mapToLong(d -> d.total()).sum()).isEqualTo(total);
        assertThat(all.byStaff()).isNotEmpty();
        if (plugin()) {
            // The plugin has no breakdown by status or priority and ignores every filter: refused.
            assertThat(all.byStatus()).isEmpty();
            OsTicketException filtered = failure("osticket:getStats?departmentId=2", null, Map.of());
            assertThat(filtered.failure()).isEqualTo(OsTicketFailure.NOT_IMPLEMENTED);
            assertThat(filtered.getMessage()).contains("ignores every stats filter");
            assertThat(failure("osticket-readonly:getStats", null, Map.of()).failure())
                    .isEqualTo(OsTicketFailure.FORBIDDEN);
            return;
        }
        assertThat(all.byStatus()).extracting(s -> s.name()).contains("Open");
        assertThat(all.byPriority()).isNotEmpty();
        assertThat(all.period().label()).isEqualTo("All time");

        Stats sales = call("osticket:getStats?departmentId=2", null, Map.of(), Stats.class);
        assertThat(sales.byDepartment()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("Sales"));

        Stats today = call("osticket:getStats", new StatsQuery(null, null, StatsRange.TODAY, null, null), Map.of(),
                Stats.class);
        assertThat(today.global().total()).isPositive().isLessThan(total);

        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Stats custom = call("osticket:getStats?startDate=" + date + "&endDate=" + date, null, Map.of(), Stats.class);
        assertThat(custom.global().total()).isEqualTo(today.global().total());
        assertThat(custom.period().label()).isEqualTo("Custom range");

        assertThat(failure("osticket-readonly:getStats", null, Map.of()).failure())
                .isEqualTo(OsTicketFailure.FORBIDDEN);
    }

    @Test
    void listsStatusesWithTheirStates() {
        @SuppressWarnings("unchecked")
        List<TicketStatus> statuses = call("osticket:listStatuses", null, Map.of(), List.class);
        assertThat(statuses).extracting(TicketStatus::name)
                .containsExactly("Open", "Resolved", "Closed", "Archived", "Deleted");
        assertThat(statuses).extracting(TicketStatus::state)
                .containsExactly("open", "closed", "closed", "archived", "deleted");
        assertThat(failure("osticket-readonly:listStatuses", null, Map.of()).failure())
                .isEqualTo(OsTicketFailure.FORBIDDEN);
    }

    // ---- subtickets

    @Test
    void listsTheDemoProjectsChildrenAndTheirParent() {
        TicketSummary project = call("osticket:searchTickets?query=Server Migration Project", null, Map.of(),
                SearchPage.class).tickets().get(0);
        @SuppressWarnings("unchecked")
        List<RelatedTicket> children = call("osticket:listChildren", null,
                Map.of(OsTicketConstants.PARENT_NUMBER, project.number()), List.class);
        assertThat(children).extracting(RelatedTicket::subject).contains("Subtask: Database Backup",
                "Subtask: DNS Configuration", "Subtask: Migration Testing");

        Exchange exchange = template.request("osticket:getParent", e -> e.getMessage()
                .setHeader(OsTicketConstants.CHILD_ID, children.get(0).id()));
        assertThat(exchange.getMessage().getBody(RelatedTicket.class).number()).isEqualTo(project.number());
        assertThat(exchange.getMessage().getHeader(OsTicketConstants.HAS_PARENT)).isEqualTo(true);

        Exchange orphan = template.request("osticket:getParent", e -> e.getMessage()
                .setHeader(OsTicketConstants.CHILD_NUMBER, project.number()));
        assertThat(orphan.getMessage().getBody()).isNull();
        assertThat(orphan.getMessage().getHeader(OsTicketConstants.HAS_PARENT)).isEqualTo(false);
    }

    @Test
    void linksAndUnlinksSubtickets() {
        CreatedTicket parent = create("Link parent");
        CreatedTicket child = create("Link child");
        SubticketLink link = call("osticket:linkSubticket", null, Map.of(OsTicketConstants.PARENT_NUMBER,
                parent.number(), OsTicketConstants.CHILD_NUMBER, child.number()), SubticketLink.class);
        assertThat(link.parent().number()).isEqualTo(parent.number());
        assertThat(link.child().number()).isEqualTo(child.number());

        @SuppressWarnings("unchecked")
        List<RelatedTicket> children = call("osticket:listChildren", null,
                Map.of(OsTicketConstants.PARENT_ID, parent.id()), List.class);
        assertThat(children).extracting(RelatedTicket::number).containsExactly(child.number());

        SubticketLink unlinked = call("osticket:unlinkSubticket", null,
                Map.of(OsTicketConstants.CHILD_NUMBER, child.number()), SubticketLink.class);
        assertThat(unlinked.child().number()).isEqualTo(child.number());
        assertThat(unlinked.parent().number()).isEqualTo(parent.number());
        assertThat(template.requestBodyAndHeaders("osticket:getParent", null,
                Map.of(OsTicketConstants.CHILD_NUMBER, child.number()))).isNull();
    }

    @Test
    void subticketErrorsAsDocumented() {
        CreatedTicket a = create("Chain a");
        CreatedTicket b = create("Chain b");
        CreatedTicket c = create("Chain c");
        call("osticket:linkSubticket", null, Map.of(OsTicketConstants.PARENT_NUMBER, a.number(),
                OsTicketConstants.CHILD_NUMBER, b.number()), SubticketLink.class);

        OsTicketException secondParent = failure("osticket:linkSubticket", null,
                Map.of(OsTicketConstants.PARENT_NUMBER, c.number(), OsTicketConstants.CHILD_NUMBER, b.number()));
        assertThat(secondParent.failure()).isEqualTo(OsTicketFailure.CONFLICT);

        OsTicketException circular = failure("osticket:linkSubticket", null,
                Map.of(OsTicketConstants.PARENT_NUMBER, b.number(), OsTicketConstants.CHILD_NUMBER, a.number()));
        assertThat(circular.failure()).isEqualTo(OsTicketFailure.CONFLICT);

        OsTicketException noParent = failure("osticket:unlinkSubticket", null,
                Map.of(OsTicketConstants.CHILD_NUMBER, c.number()));
        assertThat(noParent.failure()).isEqualTo(OsTicketFailure.NOT_FOUND);

        OsTicketException unknownChild = failure("osticket:listChildren", null,
                Map.of(OsTicketConstants.PARENT_NUMBER, "999999"));
        assertThat(unknownChild.failure()).isEqualTo(OsTicketFailure.NOT_FOUND);

        OsTicketException pluginMissing = failure("osticket-barebones:listChildren", null,
                Map.of(OsTicketConstants.PARENT_ID, 1L));
        assertThat(pluginMissing.failure()).isEqualTo(OsTicketFailure.NOT_IMPLEMENTED);
        assertThat(pluginMissing.apiMessage()).contains("Subticket plugin not available");

        assertThat(failure("osticket-readonly:getParent", null, Map.of(OsTicketConstants.CHILD_ID, 1L)).failure())
                .isIn(OsTicketFailure.FORBIDDEN);
    }

    // ---- transport

    @Test
    void anUnreachableServerIsARetryableFailure() {
        OsTicketException down = failure("osticket-down:listStatuses", null, Map.of());
        assertThat(down.failure()).isEqualTo(OsTicketFailure.UNREACHABLE);
        assertThat(down.isRetryable()).isTrue();
        assertThat(down.getMessage()).doesNotContain(KEY);
    }
}
