package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Lenient reads of one answer's fields: the same value may come as a JSON number, a JSON string
 * or XML text, and booleans as true/false or 0/1. Missing, null and empty are all "absent".
 */
final class JsonFields {

    private final TimestampCodec timestamps;

    JsonFields(TimestampCodec timestamps) {
        this.timestamps = timestamps;
    }

    static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    static String text(JsonNode node, String field) {
        return present(node, field) && node.get(field).isValueNode() ? node.get(field).asText() : null;
    }

    static Long number(JsonNode node, String field) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long count(JsonNode node, String field) {
        Long value = number(node, field);
        return value == null ? 0 : value;
    }

    static Boolean flag(JsonNode node, String field) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText().trim();
        return "1".equals(text) || "true".equalsIgnoreCase(text);
    }

    static boolean isTrue(JsonNode node, String field) {
        return Boolean.TRUE.equals(flag(node, field));
    }

    Instant instant(JsonNode node, String field) {
        return timestamps.parse(text(node, field));
    }
}
