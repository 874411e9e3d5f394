package org.osticketgateway.osticket.model;

/** The user a ticket belongs to. */
public record Requester(String name, String email, String phone) {
}
