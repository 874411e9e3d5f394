package org.osticketgateway.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured mode, as the routes marshal it (camel-jackson) onto Kafka:
 * ticket events and command results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, String time,
                         String datacontenttype, JsonNode data) {

    public static CloudEvent of(String id, String source, String type, String subject, String time, JsonNode data) {
        return new CloudEvent("1.0", id, source, type, subject, time, "application/json", data);
    }
}
