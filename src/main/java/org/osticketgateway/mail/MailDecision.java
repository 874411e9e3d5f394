package org.osticketgateway.mail;

import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * What becomes of one mail: a new ticket, a note on a ticket, nothing (a machine's mail that
 * matches no ticket), or a refusal (banned or over the limit) that sends it to the error folder.
 */
public record MailDecision(Action action, NewTicket ticket, String ticketNumber, TicketUpdate update, String reason) {

    public enum Action {
        CREATE, NOTE, IGNORE, REFUSE
    }

    /** The first word of the reason ("auto-reply", "bounce"…), short enough for a metric tag. */
    public String reasonKind() {
        return reason == null ? "none" : reason.split(" ", 2)[0];
    }

    public static MailDecision create(NewTicket ticket, String reason) {
        return new MailDecision(Action.CREATE, ticket, null, null, reason);
    }

    public static MailDecision note(String number, TicketUpdate update, String reason) {
        return new MailDecision(Action.NOTE, null, number, update, reason);
    }

    public static MailDecision ignore(String reason) {
        return new MailDecision(Action.IGNORE, null, null, null, reason);
    }

    public static MailDecision refuse(String reason) {
        return new MailDecision(Action.REFUSE, null, null, null, reason);
    }
}
