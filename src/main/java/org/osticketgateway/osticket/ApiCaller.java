package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends a request and hands back the answer's tree, or throws the failure it stands for. The
 * dialect decides which failure a non-success answer means.
 */
final class ApiCaller {

    /** Maps an error answer to what it means in one dialect. */
    interface ErrorMeaning {
        OsTicketFailure of(ApiResponse response, String message);
    }

    private final ApiTransport transport;
    private final ResponseReader reader;
    private final ErrorMeaning meaning;

    ApiCaller(ApiTransport transport, ResponseReader reader, ErrorMeaning meaning) {
        this.transport = transport;
        this.reader = reader;
        this.meaning = meaning;
    }

    /** The tree of a successful answer. */
    JsonNode tree(ApiRequest request) {
        return reader.tree(answer(request), request.operation());
    }

    /** A successful answer as it came; errors throw. */
    ApiResponse answer(ApiRequest request) {
        ApiResponse response = transport.send(request);
        if (!response.isSuccess()) {
            String message = reader.errorMessage(response);
            throw reader.error(response, request.operation(), failure(meaning, response, message));
        }
        return response;
    }

    /** What an error answer means: osTicket core's own refusals first, then the dialect's reading. */
    static OsTicketFailure failure(ErrorMeaning dialect, ApiResponse response, String message) {
        return CoreAnswer.isRefusal(message) ? OsTicketFailure.BAD_REQUEST : dialect.of(response, message);
    }

    /** An answer that is not the endpoint's success form, as an exception. */
    OsTicketException unreadable(ApiResponse response, String operation) {
        return reader.unreadable(response, operation);
    }

    /** The plain failure mapping of the documented API. */
    static final ErrorMeaning BY_STATUS = (response, message) -> OsTicketFailure.forStatus(response.status());
}
