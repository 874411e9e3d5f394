package org.osticketgateway.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.osticketgateway.events.CloudEvent;

/**
 * The result of one action of one fire: a ticket created, updated or linked ({@code applied}), left
 * as it was ({@code skipped}), refused by osTicket ({@code failed}), or what a dry run would have done
 * ({@code dry-run}). {@code key} names the action within its fire (parent, child-2, #123456), so that
 * its event id is the same however often the fire is completed. Published as a CloudEvent beside
 * command results.
 */
public record JobResult(String job, String fire, String key, String action, String ticket, Outcome outcome,
                        String detail) {

    public enum Outcome {
        APPLIED, SKIPPED, FAILED, DRY_RUN;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonIgnore
    public boolean isDryRun() {
        return outcome == Outcome.DRY_RUN;
    }

    @JsonIgnore
    public boolean isApplied() {
        return outcome == Outcome.APPLIED;
    }

    /** The one log line of the action. */
    public String line() {
        return "Job " + job + " (fire " + fire + "): " + action + (ticket == null ? "" : " #" + ticket) + ": "
                + outcome.apiName() + (detail == null ? "" : ": " + detail);
    }

    /** The result as a structured CloudEvent, its id derived from the fire and the action's key. */
    public CloudEvent toCloudEvent(String source) {
        ObjectNode data = JSON.createObjectNode()
                .put("job", job)
                .put("fire", fire)
                .put("action", action)
                .put("ticket", ticket)
                .put("status", outcome.apiName())
                .put("detail", detail);
        return CloudEvent.of(fire + "/" + key + ":result", source, "osticket.job.result", fire,
                Instant.now().toString(), data);
    }

    String toJson() {
        return JSON.valueToTree(this).toString();
    }

    static JobResult fromJson(String json) {
        try {
            return JSON.readValue(json, JobResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
