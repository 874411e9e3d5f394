package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.model.MessageFormat;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.ThreadEntryType;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketStatus;

/**
 * Answers recorded on a real installation of the shipped plugin (v2.3.4), read into the canonical
 * records by the same reader the documented API uses, with their values checked one by one (JSON
 * and XML alike). {@link PluginRecordingsTest} covers every recording more broadly.
 */
class PluginAnswersTest {

    private final ResponseReader reader = new ResponseReader(new ObjectMapper());
    private final CanonicalReader read = new CanonicalReader(new TimestampCodec(ZoneOffset.UTC));

    private JsonNode tree(String name) throws IOException {
        return reader.tree(ObservedExchange.load(name).response(), name);
    }

    @Test
    void aTicketReadsTheSameFromJsonAndXml() throws IOException {
        Ticket json = read.ticket(tree("stock/19-get-json.txt"));
        Ticket xml = read.ticket(tree("stock/20-get-xml.txt"));

        assertThat(json.id()).isEqualTo(27);
        assertThat(json.number()).isEqualTo("960142");
        assertThat(json.requester().name()).isEqualTo("Jane Smith");
        assertThat(json.requester().email()).isEqualTo("jane@example.com");
        assertThat(json.status()).isEqualTo("Open");
        assertThat(json.statusId()).isEqualTo(1L);
        assertThat(json.department()).isEqualTo("Billing");
        assertThat(json.departmentId()).isEqualTo(4L);
        assertThat(json.topicId()).isNull();
        assertThat(json.created()).isEqualTo(Instant.parse("2026-11-27T17:58:58Z"));
        assertThat(json.dueDate()).isNull();
        assertThat(json.overdue()).isFalse();
        assertThat(json.answered()).isFalse();
        assertThat(json.thread()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ThreadEntryType.MESSAGE);
            assertThat(entry.poster()).isEqualTo("Jane Smith");
            assertThat(entry.body()).startsWith("## Problem Payment fails");
            assertThat(entry.format()).isEqualTo(MessageFormat.HTML);
            assertThat(entry.created()).isEqualTo(Instant.parse("2026-11-27T17:58:58Z"));
        });

        assertThat(xml).usingRecursiveComparison().ignoringFields("thread").isEqualTo(json);
        assertThat(xml.thread().get(0).body()).isEqualTo(json.thread().get(0).body());
        assertThat(xml.thread().get(0).type()).isEqualTo(ThreadEntryType.MESSAGE);
    }

    @Test
    void anAssignedTicketNamesItsStaffFromTheNameObject() throws IOException {
        Ticket ticket = read.ticket(tree("stock/115-get-assigned-overdue.txt"));
        assertThat(ticket.assignee()).isEqualTo("John Doe");
        assertThat(ticket.staffId()).isEqualTo(2L);
        assertThat(ticket.requester().name()).isEqualTo("Stats User");
    }

    @Test
    void searchIsABareListWithoutATotal() throws IOException {
        SearchPage json = read.searchPage(tree("stock/49-search-default.txt"), 20, 0);
        assertThat(json.total()).isNull();
        assertThat(json.tickets()).isNotEmpty();
        assertThat(json.tickets().get(0).id()).isEqualTo(35);
        assertThat(json.tickets().get(0).number()).isEqualTo("955303");
        assertThat(json.tickets().get(0).departmentId()).isEqualTo(1L);

        SearchPage xml = read.searchPage(tree("stock/60-search-xml.txt"), 2, 0);
        assertThat(xml.tickets()).hasSize(2);
        assertThat(xml.tickets().get(0)).isEqualTo(json.tickets().get(0));
    }

    @Test
    void statusesAndStatsHaveThePluginsShapes() throws IOException {
        assertThat(read.statuses(tree("stock/75-statuses.txt"))).extracting(TicketStatus::name)
                .containsExactly("Open", "Resolved", "Closed", "Archived", "Deleted");
        assertThat(read.statuses(tree("stock/76-statuses-xml.txt")))
                .isEqualTo(read.statuses(tree("stock/75-statuses.txt")));

        Stats stats = read.stats(tree("stock/70-stats.txt"));
        assertThat(stats.global().total()).isEqualTo(32);
        assertThat(stats.global().open()).isEqualTo(32);
        assertThat(stats.global().resolved()).isNull();
        assertThat(stats.byDepartment()).extracting(d -> d.name())
                .containsExactly("Billing", "Development", "IT Operations", "QA", "Support");
        assertThat(stats.byDepartment().stream().mapToLong(d -> d.total()).sum()).isEqualTo(32);
        assertThat(stats.byStatus()).isEmpty();
        assertThat(stats.period()).isNull();

        Stats withStaff = read.stats(tree("stock/114-stats-with-assigned-staff.txt"));
        assertThat(withStaff.byStaff()).singleElement().satisfies(s -> {
            assertThat(s.staffId()).isEqualTo(2);
            assertThat(s.name()).isEqualTo("John Doe");
        });
    }

    @Test
    void subticketAnswersOfThePatchedPlugin() throws IOException {
        assertThat(read.children(tree("subtickets-patched/80-subtickets-list-by-number.txt")))
                .extracting(RelatedTicket::number).containsExactly("935663", "368014", "411198");
        assertThat(read.children(tree("subtickets-patched/81-subtickets-list-by-number-xml.txt")))
                .extracting(RelatedTicket::number).containsExactly("935663", "368014", "411198");
        assertThat(read.relatedOrNull(tree("subtickets-patched/83-subtickets-parent-by-number.txt"), "parent"))
                .extracting(RelatedTicket::id, RelatedTicket::number).containsExactly(38L, "109010");
        assertThat(read.relatedOrNull(tree("subtickets-patched/86-subtickets-parent-none.txt"), "parent")).isNull();
        JsonNode link = tree("subtickets-patched/78-subtickets-create-link.txt");
        assertThat(read.relatedOrNull(link, "child").number()).isEqualTo("935663");
        JsonNode unlink = tree("subtickets-patched/103-subtickets-unlink.txt");
        assertThat(read.relatedOrNull(unlink, "former_parent")).isNull();
        assertThat(read.relatedOrNull(unlink, "child").number()).isEqualTo("368014");
    }

    @Test
    void errorAnswersInEveryFormTheShippedPluginUses() throws IOException {
        assertThat(reader.errorMessage(ObservedExchange.load("stock/26-err-get-unknown.txt").response()))
                .isEqualTo("Ticket not found");
        assertThat(reader.errorMessage(ObservedExchange.load("stock/30-err-get-create-only-key.txt").response()))
                .isEqualTo("API key not authorized to read tickets");
        assertThat(reader.errorMessage(ObservedExchange.load("stock/27-err-get-no-key.txt").response()))
                .isEqualTo("Valid API key required");
        assertThat(reader.errorMessage(ObservedExchange.load("stock/11-err-create-unknown-department.txt")
                .response())).isEqualTo("Department 'Accounting' not found");
        assertThat(reader.errorMessage(ObservedExchange.load("stock/13-err-create-missing-fields.txt").response()))
                .contains("Issue Summary is a required field");

        OsTicketException crash = catchThrowableOfType(OsTicketException.class,
                () -> tree("stock/78-subtickets-create-link.txt"));
        assertThat(crash.failure()).isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
        assertThat(crash.isRetryable()).isFalse();
        assertThat(crash.apiMessage()).contains("Allowed memory size");

        OsTicketException databaseDown = catchThrowableOfType(OsTicketException.class,
                () -> tree("stock/116-err-database-down-search.txt"));
        assertThat(databaseDown.failure()).isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
        assertThat(databaseDown.isRetryable()).as(databaseDown.getMessage()).isTrue();
    }
}
