package org.osticketgateway.mail;

import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketUpdate;

/**
 * What becomes of one mail: a new ticket, the customer's reply on a ticket, a note on a ticket (a
 * machine's answer to it), nothing (a machine's mail that matches no ticket), or a refusal (banned
 * or over the limit) that sends it to the error folder.
 * {@code kind} is the reason in one word of a small set ({@code new-mail}, {@code reply},
 * {@code auto-reply}, {@code bounce}, {@code banned}, {@code sender-limit}), for a metric tag;
 * {@code reason} says it for people.
 */
public record MailDecision(Action action, String kind, NewTicket ticket, String ticketNumber, TicketUpdate update,
                           String reason) {

    public enum Action {
        CREATE, REPLY, NOTE, IGNORE, REFUSE
    }

    public static MailDecision create(NewTicket ticket) {
        return new MailDecision(Action.CREATE, "new-mail", ticket, null, null, "new mail");
    }

    /** The whole mail goes to osTicket, which adds it to the ticket as the customer's message. */
    public static MailDecision reply(String number) {
        return new MailDecision(Action.REPLY, MailKind.GENUINE.tag(), null, number, null,
                MailKind.GENUINE.tag() + " to #" + number);
    }

    public static MailDecision note(String number, TicketUpdate update, MailKind kind) {
        return new MailDecision(Action.NOTE, kind.tag(), null, number, update, kind.tag() + " to #" + number);
    }

    public static MailDecision ignore(MailKind kind) {
        return new MailDecision(Action.IGNORE, kind.tag(), null, null, null, kind.tag() + " matching no ticket");
    }

    public static MailDecision refuse(String kind, String reason) {
        return new MailDecision(Action.REFUSE, kind, null, null, null, reason);
    }
}
