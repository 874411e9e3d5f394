package org.osticketgateway.osticket.model;

/** What a successful create returns, whatever the dialect. */
public record CreatedTicket(long id, String number, String subject) {
}
