package org.osticketgateway.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Kafka record as a CloudEvents 1.0 command, in structured mode (the whole event as JSON,
 * {@code content-type: application/cloudevents+json}) or binary mode ({@code ce_*} headers, the
 * data as the value).
 */
public final class CommandReader {

    private final ObjectMapper json = new ObjectMapper();

    public Command read(byte[] value, Map<String, Object> headers) {
        String specversion = header(headers, "ce_specversion");
        String contentType = header(headers, "content-type");
        boolean structured = specversion == null
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents+json"));
        JsonNode body = parse(value);
        if (structured) {
            if (!body.isObject()) {
                throw new RejectedCommandException("a structured CloudEvent must be a JSON object");
            }
            return command(text(body, "specversion"), text(body, "id"), text(body, "source"), text(body, "type"),
                    text(body, "subject"), text(body, "time"), body.get("data"));
        }
        return command(specversion, header(headers, "ce_id"), header(headers, "ce_source"), header(headers, "ce_type"),
                header(headers, "ce_subject"), header(headers, "ce_time"), body);
    }

    private static Command command(String specversion, String id, String source, String type, String subject,
                                   String time, JsonNode data) {
        if (!"1.0".equals(specversion)) {
            throw new RejectedCommandException("specversion must be 1.0, not " + specversion);
        }
        for (String[] attribute : new String[][] {{"id", id}, {"source", source}, {"type", type}}) {
            if (attribute[1] == null || attribute[1].isBlank()) {
                throw new RejectedCommandException("the CloudEvent has no " + attribute[0]);
            }
        }
        if (id.length() > 200) {
            throw new RejectedCommandException("the CloudEvent id is longer than 200 characters");
        }
        if (data == null || data.isNull()) {
            throw new RejectedCommandException("the command has no data");
        }
        return new Command(id, source, type, subject, time, data);
    }

    private JsonNode parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedCommandException("the record has no value");
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new RejectedCommandException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedCommandException("not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Kafka headers arrive as bytes (or text, when set by a Camel producer). */
    static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
