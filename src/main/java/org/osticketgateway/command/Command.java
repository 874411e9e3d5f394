package org.osticketgateway.command;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command as CloudEvents 1.0 carries it, whichever mode it came in: its id (the key of its
 * exactly-once effect), source, type (which operation), and data (the operation's input).
 */
public record Command(String id, String source, String type, String subject, String time, JsonNode data) {
}
