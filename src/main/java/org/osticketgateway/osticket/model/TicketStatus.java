package org.osticketgateway.osticket.model;

/** A ticket status and its state (open, closed, archived, deleted). */
public record TicketStatus(long id, String name, String state, String description) {
}
