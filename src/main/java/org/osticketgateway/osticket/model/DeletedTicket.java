package org.osticketgateway.osticket.model;

/** The ticket that a delete removed. */
public record DeletedTicket(long id, String number) {
}
