package org.osticketgateway.osticket;

import java.util.regex.Pattern;

/** How osTicket core words its answers to a create, an update and a delete, under any plugin. */
public final class CoreAnswer {

    /** What begins core's refusal of a create, followed by its {@code field\nwhy} pairs. */
    public static final String REFUSAL = "Unable to create new ticket :";

    /**
     * A refusal names a field or a reason (a missing field, an unusable address, a source it does
     * not take, a limit reached, a sender it bans): the request's fault, whatever the status. Its
     * "…:unknown error" names none: a write that failed inside osTicket, which may pass.
     */
    private static final Pattern REFUSED = Pattern.compile("^" + Pattern.quote(REFUSAL) + "(?!\\s*unknown error)");
    private static final Pattern TICKET_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private CoreAnswer() {
    }

    /** Whether an error answer's text is core refusing the ticket for something in the request. */
    public static boolean isRefusal(String message) {
        return REFUSED.matcher(message).find();
    }

    /** Whether a successful answer's body is a bare ticket number, as core answers a create. */
    public static boolean isTicketNumber(String body) {
        return TICKET_NUMBER.matcher(body).matches();
    }
}
