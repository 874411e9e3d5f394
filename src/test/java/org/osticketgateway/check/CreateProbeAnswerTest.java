package org.osticketgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osticketgateway.check.CreateProbeAnswer.Outcome;
import org.osticketgateway.osticket.ApiResponse;

/** Create probes' answers as osTicket 1.18.1 with the plugin v2.3.4 gave them (lab, 2026-12-01), and the documented API's. */
class CreateProbeAnswerTest {

    private static CreateProbeAnswer read(int status, String type, String body, String message) {
        return CreateProbeAnswer.of(new ApiResponse(status, type, body), message);
    }

    private static CreateProbeAnswer core(String body) {
        return read(500, "text/html; charset=UTF-8", body, body.replaceAll("\\s+", " "));
    }

    @Test
    void refusedForTheDueDateAloneMeansEverythingElsePasses() {
        assertThat(core("Unable to create new ticket :duedate\nInvalid due date").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(read(400, "application/json", "{\"error\":\"Invalid due date format. Use ISO 8601\"}",
                "Invalid due date format. Use ISO 8601").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void coreListsEachOtherObjectionWithoutItsSummary() {
        CreateProbeAnswer answer = core("Unable to create new ticket :emailId\nUnknown system email\nerr\n"
                + "Missing or invalid data \u2014 Correct any errors below and try again\nduedate\nInvalid due date");
        assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(answer.detail()).isEqualTo("emailId: Unknown system email");

        CreateProbeAnswer origin = core("Unable to create new ticket :origin\nInvalid ticket origin given\nerr\n"
                + "No fields set up\nduedate\nInvalid due date");
        assertThat(origin.detail()).isEqualTo("origin: Invalid ticket origin given");
    }

    @Test
    void thePluginsOwnRefusalsComeOneAtATime() {
        CreateProbeAnswer answer = read(400, "text/plain; charset=UTF-8", "Department 'Nowhere' not found",
                "Department 'Nowhere' not found");
        assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(answer.detail()).isEqualTo("Department 'Nowhere' not found");
    }

    @Test
    void aKeyThatMayNotCreateOrNoKeyIsNotAuthorized() {
        assertThat(read(401, "text/html", "Valid API key required", "Valid API key required").outcome())
                .isEqualTo(Outcome.NOT_AUTHORIZED);
        assertThat(read(403, "application/json", "{\"error\":\"API key not authorized\"}", "API key not authorized")
                .outcome()).isEqualTo(Outcome.NOT_AUTHORIZED);
    }

    @Test
    void aTicketWrittenDespiteTheProbeIsNamedInEitherDialect() {
        assertThat(read(201, "text/html; charset=UTF-8", "464820", "464820").writtenNumber()).isEqualTo("464820");
        assertThat(read(201, "application/json", "{\"ticket_id\":9,\"number\":\"778508\"}", "").writtenNumber())
                .isEqualTo("778508");
    }

    @Test
    void anythingElseIsUnexpected() {
        CreateProbeAnswer answer = read(200, "text/html", "<br /><b>Fatal error</b>", "Fatal error");
        assertThat(answer.outcome()).isEqualTo(Outcome.WRITTEN);
        assertThat(answer.writtenNumber()).isNull();
        assertThat(read(502, "text/html", "Bad Gateway", "Bad Gateway").detail()).isEqualTo("HTTP 502: Bad Gateway");
    }
}
