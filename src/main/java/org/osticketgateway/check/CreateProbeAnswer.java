package org.osticketgateway.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osticketgateway.osticket.ApiResponse;
import org.osticketgateway.osticket.CoreAnswer;

/**
 * What osTicket said to a create probe (see {@link CreateProbe}). {@code detail} is osTicket's
 * objection (REFUSED, NOT_AUTHORIZED, UNEXPECTED); {@code writtenNumber} the ticket a server made
 * despite the probe (WRITTEN).
 */
record CreateProbeAnswer(Outcome outcome, String detail, String writtenNumber) {

    enum Outcome {
        /** Refused for the due date alone: everything else in the create would pass. */
        PASSED,
        /** Refused for something besides the due date; {@code detail} says what. */
        REFUSED,
        /** The key may not create tickets, or none was sent and one is needed. */
        NOT_AUTHORIZED,
        /** The server wrote a ticket despite the due date. */
        WRITTEN,
        UNEXPECTED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads an answer. osTicket core lists what it refuses as {@code field\nmessage} pairs after
     * "Unable to create new ticket :" (500, {@code err} being a summary); the documented API refuses
     * one thing at a time (400/404).
     */
    static CreateProbeAnswer of(ApiResponse response, String message) {
        int status = response.status();
        String body = response.body().trim();
        if (status == 201 || status == 200) {
            return new CreateProbeAnswer(Outcome.WRITTEN, null, number(body));
        }
        if (status == 500 && body.contains(CoreAnswer.REFUSAL)) {
            List<String> objections = objections(body.substring(body.indexOf(CoreAnswer.REFUSAL)
                    + CoreAnswer.REFUSAL.length()));
            return objections.isEmpty() ? new CreateProbeAnswer(Outcome.PASSED, null, null)
                    : new CreateProbeAnswer(Outcome.REFUSED, String.join("; ", objections), null);
        }
        if (status == 401 || status == 403) {
            return new CreateProbeAnswer(Outcome.NOT_AUTHORIZED, message, null);
        }
        if (status == 400 || status == 404) {
            boolean dueDateOnly = message.toLowerCase(Locale.ROOT).contains("due date");
            return dueDateOnly ? new CreateProbeAnswer(Outcome.PASSED, null, null)
                    : new CreateProbeAnswer(Outcome.REFUSED, message, null);
        }
        return new CreateProbeAnswer(Outcome.UNEXPECTED, "HTTP " + status + ": " + message, null);
    }

    /** The pairs other than the due date and the summary, as "field: message". */
    private static List<String> objections(String list) {
        String[] lines = list.split("\\R");
        List<String> objections = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            String field = lines[i].trim();
            String why = i + 1 < lines.length ? lines[i + 1].trim() : "";
            if (!field.equals("duedate") && !field.equals("err")) {
                objections.add(field + ": " + why);
            }
        }
        return objections;
    }

    /** The plugin answers a create with the bare number, the documented API with JSON. */
    private static String number(String body) {
        if (CoreAnswer.isTicketNumber(body)) {
            return body;
        }
        try {
            JsonNode tree = JSON.readTree(body);
            return tree.hasNonNull("number") ? tree.get("number").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
