package org.osticketgateway.osticket;

/**
 * The stock plugin v2.3.4's subticket endpoints crash on every call: its
 * {@code SubticketApiController::getApiKey()} overrides osTicket core's and recurses until PHP runs
 * out of memory, which PHP says in a 200 text/html page (plugin differences, section 4.1).
 */
public final class SubticketCrash {

    /** What PHP's fatal error page says. */
    public static final String TEXT = "Allowed memory size";

    private SubticketCrash() {
    }

    public static boolean is(OsTicketException e) {
        return e.failure() == OsTicketFailure.UNREADABLE_RESPONSE && e.apiMessage() != null
                && e.apiMessage().contains(TEXT);
    }
}
