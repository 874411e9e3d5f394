package org.osticketgateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change of one ticket, as a CloudEvent will carry it. {@code id} is derived from the change
 * itself, so the same change always has the same id and consumers can drop a repeat.
 */
public record TicketEvent(String id, String type, String ticketNumber, Instant time, JsonNode data) {
}
