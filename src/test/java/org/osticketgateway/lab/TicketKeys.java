package org.osticketgateway.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded server's ticket numbers and internal ids against the replaying sandbox's, learned as
 * answers come: a create's bare number, and the {@code id}/{@code ticket_id} next to a number in
 * JSON answers. Requests are rewritten to the sandbox's keys, recorded answers to compare with it.
 */
final class TicketKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** osTicket's default ticket number format {@code ######}, as a whole word. */
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{6}\\b");
    private static final Pattern PATH_KEY = Pattern.compile("/(\\d+)\\.(json|xml)$");

    private final Map<String, String> numbers = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();

    /** Learns from a recorded answer and the sandbox's answer to the same request. */
    void learn(RecordedExchange recorded, String replayedBody) {
        String mine = recorded.responseBody().strip();
        String theirs = replayedBody.strip();
        if (recorded.method().equals("POST") && recorded.path().endsWith("/tickets.json") && recorded.status() == 201
                && NUMBER.matcher(mine).matches() && NUMBER.matcher(theirs).matches()) {
            numbers.put(mine, theirs);
            return;
        }
        if (recorded.contentType().toLowerCase().startsWith("application/json")) {
            Map<String, String> recordedIds = new HashMap<>();
            Map<String, String> replayedIds = new HashMap<>();
            idsByNumber(parse(mine), recordedIds);
            idsByNumber(parse(theirs), replayedIds);
            recordedIds.forEach((number, id) -> {
                String replayedId = replayedIds.get(numbers.get(number));
                if (replayedId != null) {
                    ids.put(id, replayedId);
                }
            });
        }
    }

    /** The request's path with its ticket key (a number, else an internal id) in the sandbox's terms. */
    String path(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        Matcher key = PATH_KEY.matcher(path);
        if (key.find()) {
            String recorded = key.group(1);
            String replayed = numbers.getOrDefault(recorded, ids.getOrDefault(recorded, recorded));
            path = path.substring(0, key.start(1)) + replayed + path.substring(key.end(1));
        }
        return path + (query < 0 ? "" : pathAndQuery.substring(query));
    }

    /** Text with every known recorded ticket number replaced by the sandbox's. */
    String numbers(String text) {
        return NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(numbers.getOrDefault(m.group(), m.group())));
    }

    private static void idsByNumber(JsonNode node, Map<String, String> into) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.hasNonNull("number")) {
            JsonNode id = node.hasNonNull("ticket_id") ? node.get("ticket_id") : node.get("id");
            if (id != null && id.canConvertToLong()) {
                into.put(node.get("number").asText(), id.asText());
            }
        }
        node.forEach(child -> idsByNumber(child, into));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
