package org.osticketgateway.osticket;

/**
 * The one error type of the osTicket client. It says what happened ({@link #failure()}), the HTTP
 * status (0 when no answer came), the API's own message, and whether a retry can help. Its message
 * never contains the API key.
 */
public class OsTicketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OsTicketFailure failure;
    private final String operation;
    private final int status;
    private final String apiMessage;
    private final boolean retryable;

    public OsTicketException(OsTicketFailure failure, String operation, int status, String apiMessage,
                             boolean retryable, Throwable cause) {
        super(describe(failure, operation, status, apiMessage), cause);
        this.failure = failure;
        this.operation = operation;
        this.status = status;
        this.apiMessage = apiMessage;
        this.retryable = retryable;
    }

    public OsTicketException(OsTicketFailure failure, String operation, int status, String apiMessage) {
        this(failure, operation, status, apiMessage, failure.retryableByDefault(), null);
    }

    /** A request the client refuses to send; the message names the field. */
    public static OsTicketException invalidRequest(String operation, String message) {
        return new OsTicketException(OsTicketFailure.INVALID_REQUEST, operation, 0, message);
    }

    /** The same failure, reported for {@code operation}, with what it was doing put before the message. */
    public static OsTicketException during(String operation, String doing, OsTicketException cause) {
        return new OsTicketException(cause.failure(), operation, cause.status(), doing + ": " + cause.apiMessage(),
                cause.isRetryable(), cause);
    }

    private static String describe(OsTicketFailure failure, String operation, int status, String apiMessage) {
        StringBuilder text = new StringBuilder(operation).append(" failed: ").append(failure.description());
        if (status > 0) {
            text.append(" (HTTP ").append(status).append(')');
        }
        if (apiMessage != null && !apiMessage.isBlank()) {
            text.append(": ").append(apiMessage);
        }
        return text.toString();
    }

    public OsTicketFailure failure() {
        return failure;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
