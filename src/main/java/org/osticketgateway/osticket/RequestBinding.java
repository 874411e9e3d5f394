package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;

/**
 * Turns what a caller sent (a Map, a JSON tree, JSON text) into a typed request: {@code NewTicket},
 * {@code TicketUpdate}, {@code SearchQuery}, {@code TicketRef}… Unknown fields are refused, so a
 * typo is an error naming the field, not a silently ignored value.
 */
public final class RequestBinding {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private RequestBinding() {
    }

    public static <T> T bind(Object body, Class<T> type, String operation) {
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (body == null) {
            throw OsTicketException.invalidRequest(operation, "the body must be a " + type.getSimpleName());
        }
        try {
            if (body instanceof JsonNode tree) {
                return JSON.treeToValue(tree, type);
            }
            if (body instanceof String text) {
                return JSON.readValue(text, type);
            }
            if (body instanceof byte[] bytes) {
                return JSON.readValue(new String(bytes, StandardCharsets.UTF_8), type);
            }
            return JSON.convertValue(body, type);
        } catch (Exception e) {
            throw OsTicketException.invalidRequest(operation, "the body is not a valid " + type.getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** A result as a JSON tree, for messages that carry it on. */
    public static JsonNode tree(Object result) {
        return JSON.valueToTree(result);
    }
}
