package org.osticketgateway.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader(new ObjectMapper());

    @Test
    void readsJsonAndXmlBodiesIntoTheSameTree() {
        JsonNode fromJson = reader.tree(new ApiResponse(200, "application/json",
                "{\"ticket_id\":5,\"thread\":[{\"id\":1}]}"), "getTicket");
        JsonNode fromXml = reader.tree(new ApiResponse(200, "application/xml",
                "<?xml version=\"1.0\"?><ticket><ticket_id>5</ticket_id><thread><entry><id>1</id></entry></thread></ticket>"),
                "getTicket");
        assertThat(fromXml.get("ticket_id").asLong()).isEqualTo(fromJson.get("ticket_id").asLong());
        assertThat(fromXml.get("thread").isArray()).isTrue();
        assertThat(fromXml.at("/thread/0/id").asLong()).isEqualTo(1);
    }

    @Test
    void aFatalErrorPageWithStatus200IsUnreadableAndNotRetryable() {
        ApiResponse crash = new ApiResponse(200, "text/html; charset=UTF-8",
                "<br />\n<b>Fatal error</b>:  Allowed memory size of 268435456 bytes exhausted (tried to allocate "
                        + "262144 bytes) in <b>/var/www/include/class.api.php</b> on line <b>75</b><br />");
        OsTicketException error = catchThrowableOfType(OsTicketException.class,
                () -> reader.tree(crash, "getParent"));
        assertThat(error.failure()).isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.apiMessage()).contains("Fatal error: Allowed memory size").doesNotContain("<b>");
    }

    @Test
    void aDatabaseOutagePageIsUnreadableButRetryable() {
        ApiResponse down = new ApiResponse(200, "text/html", "<br />\n<b>Fatal error</b>:  Uncaught "
                + "mysqli_sql_exception: Connection refused in /var/www/include/mysqli.php:46");
        OsTicketException error = catchThrowableOfType(OsTicketException.class, () -> reader.tree(down, "search"));
        assertThat(error.failure()).isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
        assertThat(error.isRetryable()).isTrue();
    }

    @Test
    void anEmptyOrGarbledSuccessIsUnreadable() {
        assertThat(catchThrowableOfType(OsTicketException.class,
                () -> reader.tree(new ApiResponse(200, "application/json", ""), "x")).failure())
                .isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
        assertThat(catchThrowableOfType(OsTicketException.class,
                () -> reader.tree(new ApiResponse(200, "application/json", "{broken"), "x")).failure())
                .isEqualTo(OsTicketFailure.UNREADABLE_RESPONSE);
    }

    @Test
    void findsTheMessageInEveryErrorForm() {
        assertThat(reader.errorMessage(new ApiResponse(404, "application/json", "{\"error\":\"Ticket not found\"}")))
                .isEqualTo("Ticket not found");
        assertThat(reader.errorMessage(new ApiResponse(401, "application/json",
                "{\"error\":true,\"message\":\"API key not authorized to read tickets\"}")))
                .isEqualTo("API key not authorized to read tickets");
        assertThat(reader.errorMessage(new ApiResponse(400, "text/plain", "Department 'Accounting' not found")))
                .isEqualTo("Department 'Accounting' not found");
        assertThat(reader.errorMessage(new ApiResponse(401, "text/html", "Valid API key required")))
                .isEqualTo("Valid API key required");
        assertThat(reader.errorMessage(new ApiResponse(404, "application/xml",
                "<?xml version=\"1.0\"?><response><error>Ticket not found</error></response>")))
                .isEqualTo("Ticket not found");
        assertThat(reader.errorMessage(new ApiResponse(500, "text/plain", "x".repeat(1000)))).hasSizeLessThan(310);
    }

    @Test
    void statusCodesMapToWhatHappened() {
        assertThat(OsTicketFailure.forStatus(400)).isEqualTo(OsTicketFailure.BAD_REQUEST);
        assertThat(OsTicketFailure.forStatus(401)).isEqualTo(OsTicketFailure.UNAUTHORIZED);
        assertThat(OsTicketFailure.forStatus(403)).isEqualTo(OsTicketFailure.FORBIDDEN);
        assertThat(OsTicketFailure.forStatus(404)).isEqualTo(OsTicketFailure.NOT_FOUND);
        assertThat(OsTicketFailure.forStatus(409)).isEqualTo(OsTicketFailure.CONFLICT);
        assertThat(OsTicketFailure.forStatus(501)).isEqualTo(OsTicketFailure.NOT_IMPLEMENTED);
        assertThat(OsTicketFailure.forStatus(503)).isEqualTo(OsTicketFailure.SERVER_ERROR);
        assertThat(OsTicketFailure.forStatus(503).retryableByDefault()).isTrue();
        assertThat(OsTicketFailure.forStatus(404).retryableByDefault()).isFalse();
    }
}
