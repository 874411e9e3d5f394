package org.osticketgateway.osticket;

/** What went wrong with a call to osTicket, and whether trying again can help by default. */
public enum OsTicketFailure {
    /** The gateway refused the request before sending it: a field is missing or malformed. */
    INVALID_REQUEST("invalid request", false),
    BAD_REQUEST("bad request", false),
    UNAUTHORIZED("unauthorized: the API key is missing, unknown or bound to another IP", false),
    FORBIDDEN("forbidden: the API key lacks the permission", false),
    NOT_FOUND("not found", false),
    CONFLICT("conflict", false),
    /** A feature or plugin the call needs is not available on the server. */
    NOT_IMPLEMENTED("not implemented on the server", false),
    SERVER_ERROR("server error", true),
    /** The server answered, but not with what the endpoint returns (an HTML error page, say). */
    UNREADABLE_RESPONSE("unreadable response", false),
    /** No answer: connection refused, timed out, or TLS failed. */
    UNREACHABLE("osTicket unreachable", true);

    private final String description;
    private final boolean retryableByDefault;

    OsTicketFailure(String description, boolean retryableByDefault) {
        this.description = description;
        this.retryableByDefault = retryableByDefault;
    }

    public String description() {
        return description;
    }

    public boolean retryableByDefault() {
        return retryableByDefault;
    }

    /** The failure a status code stands for in the documented API. */
    public static OsTicketFailure forStatus(int status) {
        return switch (status) {
            case 400, 405, 413, 415, 422 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404, 410 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 501 -> NOT_IMPLEMENTED;
            case 408, 429 -> SERVER_ERROR;
            default -> status >= 500 ? SERVER_ERROR : UNREADABLE_RESPONSE;
        };
    }
}
