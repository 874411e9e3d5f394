package org.osticketgateway.osticket.model;

import java.time.Instant;

/** A parent or child in a subticket relationship. Fields the server omits are null. */
public record RelatedTicket(long id, String number, String subject, String status, String department,
                            Instant created, Instant updated, String assignee) {
}
