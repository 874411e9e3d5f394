package org.osticketgateway.osticket.model;

/**
 * A parent-child relationship that was made or removed. After an unlink, {@code parent} is the
 * former parent, or null where the server does not say which it was.
 */
public record SubticketLink(RelatedTicket parent, RelatedTicket child) {
}
