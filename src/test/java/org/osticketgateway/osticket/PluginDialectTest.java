package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * The client against the plugin as shipped (its subticket crash and keyless create included):
 * what it detects, what it does another way, and what it refuses instead of pretending.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginDialectTest {

    private SandboxServer shipped;
    private OsTicketClient client;

    @BeforeAll
    void start() throws Exception {
        shipped = SandboxServer.start(0, SandboxOptions.shippedPlugin("key"), true);
        client = new OsTicketClient(OsTicketSettings.of(shipped.url(), "key"));
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        shipped.close();
    }

    private OsTicketException failure(Runnable call) {
        OsTicketException error = catchThrowableOfType(OsTicketException.class, call::run);
        assertThat(error).isNotNull();
        return error;
    }

    @Test
    void detectsThePluginFromItsStatusesAnswer() {
        assertThat(client.dialect()).isEqualTo(DialectChoice.PLUGIN);
    }

    @Test
    void theSubticketCrashIsAClearErrorThatARetryWillNotFix() {
        CreatedTicket parent = client.createTicket(NewTicket.of("A", "a@example.com", "Crash parent", "m"));
        OsTicketException crash = failure(() -> client.listChildren(TicketRef.ofNumber(parent.number())));
        assertThat(crash.failure()).isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
        assertThat(crash.status()).isEqualTo(200);
        assertThat(crash.isRetryable()).isFalse();
        assertThat(crash.apiMessage()).contains("Fatal error: Allowed memory size");
    }

    @Test
    void theShippedPluginCreatesTicketsWithoutAKey() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(shipped.url() + "/tickets.json"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"John Doe\",\"email\":\"john@example.com\",\"subject\":\"x\",\"message\":\"y\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).matches("[0-9]{6}");
    }

    @Test
    void priorityNamesBecomeIdsAndUnknownNamesAreRefused() {
        CreatedTicket created = client.createTicket(NewTicket.of("A", "a@example.com", "Priority by name", "m")
                .withPriority("emergency"));
        assertThat(client.getTicket(TicketRef.ofNumber(created.number())).priority()).isEqualTo("Emergency");

        OsTicketException unknown = failure(() -> client.createTicket(
                NewTicket.of("A", "a@example.com", "s", "m").withPriority("Urgent")));
        assertThat(unknown.failure()).isEqualTo(OsTicketFailure.INVALID_REQUEST);
        assertThat(unknown.getMessage()).contains("Urgent").contains("osticket.priorities");
    }

    @Test
    void updatesByIdThoughThePluginLooksUpNumbersOnly() {
        CreatedTicket created = client.createTicket(NewTicket.of("A", "a@example.com", "Update by id", "m"));
        var updated = client.updateTicket(new TicketRef(null, created.id()), TicketUpdate.none().withStatus("Closed"));
        assertThat(updated.number()).isEqualTo(created.number());
        assertThat(client.getTicket(TicketRef.ofNumber(created.number())).status()).isEqualTo("Closed");
    }

    @Test
    void searchFiltersThePluginWouldDropAreRefused() {
        OsTicketException status = failure(() -> client.searchTickets(SearchQuery.all().withStatus("Bogus")));
        assertThat(status.failure()).isEqualTo(OsTicketFailure.INVALID_REQUEST);
        assertThat(status.getMessage()).contains("status").contains("Bogus").contains("Open");

        OsTicketException department = failure(() -> client.searchTickets(
                new SearchQuery(null, null, "Nowhere", null, null, null, null, null, null, null)));
        assertThat(department.getMessage()).contains("Nowhere").contains("ignored the filter");

        for (SearchQuery unsupported : List.of(
                new SearchQuery(null, null, null, 10L, null, null, null, null, null, null),
                new SearchQuery(null, null, null, null, 2L, null, null, null, null, null),
                new SearchQuery(null, null, null, null, null, 3L, null, null, null, null),
                SearchQuery.all().withSort(SortField.PRIORITY, SortOrder.DESC),
                SearchQuery.all().withSort(SortField.CREATED, SortOrder.ASC))) {
            assertThat(failure(() -> client.searchTickets(unsupported)).failure())
                    .isEqualTo(OsTicketFailure.NOT_IMPLEMENTED);
        }
    }

    @Test
    void searchesWhatThePluginSupports() {
        List<TicketSummary> byNumber = client.searchTickets(SearchQuery.all().withStatus("open")
                .withSort(SortField.NUMBER, SortOrder.ASC)).tickets();
        assertThat(byNumber).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparing(TicketSummary::number));
        assertThat(byNumber).allSatisfy(t -> assertThat(t.status()).isEqualTo("Open"));

        List<TicketSummary> billing = client.searchTickets(
                new SearchQuery(null, null, "Billing", null, null, null, null, null, null, null)).tickets();
        assertThat(billing).isNotEmpty().allSatisfy(t -> assertThat(t.department()).isEqualTo("Billing"));
    }
}
