package org.osticketgateway.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.osticketgateway.events.CloudEvent;
import org.osticketgateway.osticket.OsTicketException;

/**
 * The one result of one command: applied (with the canonical API result), failed (osTicket refused
 * it for good) or rejected (the command itself is wrong). Published as a CloudEvent.
 */
public record CommandResult(String commandId, String commandType, Status status, JsonNode result, JsonNode error) {

    public enum Status {
        APPLIED, FAILED, REJECTED;

        String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    static CommandResult applied(Command command, JsonNode result) {
        return new CommandResult(command.id(), command.type(), Status.APPLIED, result, null);
    }

    static CommandResult failed(Command command, OsTicketException e) {
        ObjectNode error = NODES.objectNode()
                .put("failure", e.failure().name())
                .put("status", e.status())
                .put("message", e.getMessage())
                .put("retryable", e.isRetryable());
        return new CommandResult(command.id(), command.type(), Status.FAILED, null, error);
    }

    static CommandResult rejected(String commandId, String commandType, String reason) {
        return new CommandResult(commandId, commandType, Status.REJECTED, null,
                NODES.objectNode().put("failure", "REJECTED").put("message", reason));
    }

    @JsonIgnore
    public boolean isApplied() {
        return status == Status.APPLIED;
    }

    /** Why it was not applied, for the dead letter. */
    @JsonIgnore
    public String reason() {
        return error == null ? null : error.path("message").asText();
    }

    /** The result as a structured CloudEvent, its id derived from the command's. */
    public CloudEvent toCloudEvent(String source) {
        ObjectNode data = NODES.objectNode()
                .put("commandId", commandId)
                .put("commandType", commandType)
                .put("status", status.apiName());
        if (result != null) {
            data.set("result", result);
        }
        if (error != null) {
            data.set("error", error);
        }
        return CloudEvent.of(commandId + ":result", source, "osticket.command.result", commandId,
                Instant.now().toString(), data);
    }

    /** {@link #toCloudEvent} as the JSON written to Kafka. */
    public byte[] toCloudEventJson(String source) {
        try {
            return JSON.writeValueAsBytes(toCloudEvent(source));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson() {
        return JSON.valueToTree(this).toString();
    }

    static CommandResult fromJson(String json) {
        try {
            return JSON.readValue(json, CommandResult.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
