package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osticketgateway.osticket.model.NewTicket;

/** Small pieces of request building shared by the dialects. */
final class RequestJson {

    private RequestJson() {
    }

    /** A JSON object of the given fields: booleans and numbers keep their type, the rest is text. */
    static ObjectNode object(Map<String, Object> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            if (value instanceof Boolean b) {
                node.put(name, b);
            } else if (value instanceof Number n) {
                node.put(name, n.longValue());
            } else {
                node.put(name, value.toString());
            }
        });
        return node;
    }

    /**
     * A "name or id" value: a string of digits goes as a number, since the API tells the two
     * apart by type; null stays null.
     */
    static Object nameOrId(String value) {
        return value != null && isDigits(value.trim()) ? (Object) Long.parseLong(value.trim()) : value;
    }

    /**
     * The create fields both dialects send alike; each adds its own priority, parent and due date.
     * {@code message} and {@code format} are passed in because a dialect may convert them.
     */
    static Map<String, Object> createFields(NewTicket ticket, String message, String format) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", ticket.name());
        fields.put("email", ticket.email());
        fields.put("subject", ticket.subject());
        fields.put("message", message);
        fields.put("format", format);
        fields.put("phone", ticket.phone());
        fields.put("ip", ticket.ip());
        fields.put("source", ticket.source());
        fields.put("emailId", ticket.emailId());
        fields.put("mid", ticket.messageId());
        fields.put("departmentId", nameOrId(ticket.department()));
        fields.put("topicId", ticket.topicId());
        fields.put("autorespond", ticket.autorespond());
        return fields;
    }

    static void putIfSet(Map<String, String> parameters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.put(name, value.toString());
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean isDigits(String value) {
        return !value.isEmpty() && value.length() < 18 && value.chars().allMatch(Character::isDigit);
    }
}
