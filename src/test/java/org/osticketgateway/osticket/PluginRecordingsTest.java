package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.osticketgateway.osticket.OsTicketFailure.BAD_REQUEST;
import static org.osticketgateway.osticket.OsTicketFailure.CONFLICT;
import static org.osticketgateway.osticket.OsTicketFailure.FORBIDDEN;
import static org.osticketgateway.osticket.OsTicketFailure.NOT_FOUND;
import static org.osticketgateway.osticket.OsTicketFailure.UNAUTHORIZED;
import static org.osticketgateway.osticket.OsTicketFailure.UNREADABLE_RESPONSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketStatus;

/**
 * Every answer recorded on a real installation of the shipped plugin, read as the plugin dialect
 * reads it: successes into the canonical records (their key fields checked), failures into the
 * failure they stand for. A new recording without an expectation here fails the test.
 */
class PluginRecordingsTest {

    private static final String ROOT = "/plugin-v2.3.4-observed/";

    /** The failure each recorded error answer means; every other recording is a success. */
    private static final Map<String, OsTicketFailure> FAILURES = Map.ofEntries(
            Map.entry("stock/09", BAD_REQUEST), Map.entry("stock/102", BAD_REQUEST),
            Map.entry("stock/107", FORBIDDEN), Map.entry("stock/108", UNAUTHORIZED),
            Map.entry("stock/11", NOT_FOUND), Map.entry("stock/110", NOT_FOUND), Map.entry("stock/111", NOT_FOUND),
            Map.entry("stock/116", UNREADABLE_RESPONSE), Map.entry("stock/117", UNREADABLE_RESPONSE),
            Map.entry("stock/118", BAD_REQUEST), Map.entry("stock/121", BAD_REQUEST),
            Map.entry("stock/122", BAD_REQUEST), Map.entry("stock/123", BAD_REQUEST),
            Map.entry("stock/129", BAD_REQUEST), Map.entry("stock/131", BAD_REQUEST),
            Map.entry("stock/132", BAD_REQUEST), Map.entry("stock/133", BAD_REQUEST),
            Map.entry("stock/134", BAD_REQUEST), Map.entry("stock/135", BAD_REQUEST),
            Map.entry("stock/143", UNAUTHORIZED), Map.entry("stock/147", BAD_REQUEST),
            Map.entry("stock/12", BAD_REQUEST), Map.entry("stock/13", BAD_REQUEST), Map.entry("stock/14", BAD_REQUEST),
            Map.entry("stock/15", NOT_FOUND), Map.entry("stock/26", NOT_FOUND), Map.entry("stock/27", UNAUTHORIZED),
            Map.entry("stock/28", UNAUTHORIZED), Map.entry("stock/29", UNAUTHORIZED), Map.entry("stock/30", FORBIDDEN),
            Map.entry("stock/31", BAD_REQUEST), Map.entry("stock/32", BAD_REQUEST), Map.entry("stock/40", BAD_REQUEST),
            Map.entry("stock/41", BAD_REQUEST), Map.entry("stock/42", BAD_REQUEST), Map.entry("stock/43", BAD_REQUEST),
            Map.entry("stock/44", NOT_FOUND), Map.entry("stock/45", FORBIDDEN), Map.entry("stock/46", UNAUTHORIZED),
            Map.entry("stock/47", BAD_REQUEST), Map.entry("stock/48", NOT_FOUND), Map.entry("stock/68", FORBIDDEN),
            Map.entry("stock/69", UNAUTHORIZED), Map.entry("stock/71", UNREADABLE_RESPONSE),
            Map.entry("stock/73", FORBIDDEN), Map.entry("stock/74", UNAUTHORIZED), Map.entry("stock/77", FORBIDDEN),
            Map.entry("stock/89", BAD_REQUEST), Map.entry("stock/90", BAD_REQUEST), Map.entry("stock/95", BAD_REQUEST),
            Map.entry("subtickets-patched/100", FORBIDDEN), Map.entry("subtickets-patched/101", UNAUTHORIZED),
            Map.entry("subtickets-patched/102", BAD_REQUEST), Map.entry("subtickets-patched/104", NOT_FOUND),
            Map.entry("subtickets-patched/82", NOT_FOUND), Map.entry("subtickets-patched/85", NOT_FOUND),
            Map.entry("subtickets-patched/89", BAD_REQUEST), Map.entry("subtickets-patched/90", BAD_REQUEST),
            Map.entry("subtickets-patched/91", CONFLICT), Map.entry("subtickets-patched/92", CONFLICT),
            Map.entry("subtickets-patched/93", CONFLICT), Map.entry("subtickets-patched/95", BAD_REQUEST),
            Map.entry("subtickets-patched/96", NOT_FOUND), Map.entry("subtickets-patched/97", NOT_FOUND),
            Map.entry("subtickets-patched/98", NOT_FOUND), Map.entry("subtickets-patched/99", NOT_FOUND));

    private final ResponseReader reader = new ResponseReader(new ObjectMapper());
    private final CanonicalReader read = new CanonicalReader(new TimestampCodec(ZoneOffset.UTC));

    static Stream<String> recordings() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(PluginRecordingsTest.class.getResource(ROOT)).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void readsEveryRecordedAnswer(String name) throws IOException {
        ObservedExchange exchange = ObservedExchange.load(name);
        ApiResponse response = exchange.response();
        String key = name.substring(0, name.indexOf('-', name.indexOf('/')));
        String path = exchange.request().lines().skip(1).findFirst().orElseThrow();
        boolean stockSubticket = name.startsWith("stock/") && path.contains("tickets-subtickets-")
                && response.status() == 200;

        if (FAILURES.containsKey(key) || stockSubticket) {
            OsTicketFailure expected = stockSubticket ? UNREADABLE_RESPONSE : FAILURES.get(key);
            OsTicketException error = response.isSuccess()
                    ? catchThrowableOfType(OsTicketException.class, () -> reader.tree(response, name))
                    : reader.error(response, name,
                    ApiCaller.failure(PluginDialect::meaning, response, reader.errorMessage(response)));
            assertThat(error).as(name).isNotNull();
            assertThat(error.failure()).as(name + ": " + error.getMessage()).isEqualTo(expected);
            assertThat(error.apiMessage()).as(name).isNotBlank();
            // Only the database outage passes by itself; the subticket crash does not.
            assertThat(error.isRetryable()).as(name).isEqualTo(key.equals("stock/116") || key.equals("stock/117"));
            return;
        }
        assertThat(response.isSuccess()).as(name).isTrue();
        if (response.contentType().startsWith("text/")) {
            // create, update and delete answer with the bare ticket number
            assertThat(response.body().trim()).as(name).matches("[0-9]{6}");
            return;
        }
        JsonNode tree = reader.tree(response, name);
        if (path.contains("tickets-get.php")) {
            Ticket ticket = read.ticket(tree);
            assertThat(ticket.id()).as(name).isPositive();
            assertThat(ticket.number()).as(name).matches("[0-9]{6}");
            assertThat(ticket.subject()).as(name).isNotBlank();
            assertThat(ticket.status()).as(name).isNotBlank();
            assertThat(ticket.requester().email()).as(name).contains("@");
            assertThat(ticket.created()).as(name).isNotNull();
            assertThat(ticket.thread()).as(name).isNotEmpty().allSatisfy(e -> assertThat(e.created()).isNotNull());
        } else if (path.contains("tickets-search.php")) {
            SearchPage page = read.searchPage(tree, 20, 0);
            assertThat(page.total()).as(name).isNull();
            assertThat(page.tickets()).as(name).allSatisfy(t -> {
                assertThat(t.id()).isPositive();
                assertThat(t.number()).matches("[0-9]{6}");
                assertThat(t.created()).isNotNull();
            });
        } else if (path.contains("tickets-stats.php")) {
            Stats stats = read.stats(tree);
            assertThat(stats.global().total()).as(name)
                    .isEqualTo(stats.byDepartment().stream().mapToLong(d -> d.total()).sum())
                    .isEqualTo(stats.global().open() + stats.global().closed());
        } else if (path.contains("tickets-statuses.php")) {
            assertThat(read.statuses(tree)).as(name).extracting(TicketStatus::name)
                    .containsExactly("Open", "Resolved", "Closed", "Archived", "Deleted");
        } else if (path.contains("tickets-subtickets-parent.php")) {
            RelatedTicket parent = read.relatedOrNull(tree, "parent");
            assertThat(parent == null || parent.number().matches("[0-9]{6}")).as(name).isTrue();
        } else if (path.contains("tickets-subtickets-list.php")) {
            List<RelatedTicket> children = read.children(tree);
            assertThat(children).as(name).allSatisfy(c -> assertThat(c.number()).matches("[0-9]{6}"));
        } else {
            assertThat(path).as(name).containsAnyOf("tickets-subtickets-create.php", "tickets-subtickets-unlink.php");
            assertThat(read.relatedOrNull(tree, "child").number()).as(name).matches("[0-9]{6}");
        }
    }
}
