package org.osticketgateway.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osticketgateway.osticket.XmlTree;

/**
 * Whether two JSON or XML answers have the same shape: the same keys (elements) at every level, values
 * of the same JSON type, and the same error messages; list lengths, numbers, texts and timestamps may
 * differ. List items that carry a ticket number are paired by it, others by position. Objects keyed
 * by data (stats' department names) are compared entry by entry on the names both have.
 */
final class AnswerShape {

    /** Fields whose object is keyed by data, not by field names. */
    private static final Set<String> KEYED_BY_DATA = Set.of("by_department", "departments");
    /** Fields whose text is compared exactly: what a client shows or matches on. */
    private static final Set<String> EXACT = Set.of("message", "error", "success");

    private AnswerShape() {
    }

    static List<String> jsonDifferences(JsonNode recorded, JsonNode replayed) {
        List<String> differences = new ArrayList<>();
        compare("$", recorded, replayed, differences);
        return differences;
    }

    private static void compare(String path, JsonNode recorded, JsonNode replayed, List<String> differences) {
        if (!type(recorded).equals(type(replayed))) {
            differences.add(path + ": " + type(recorded) + " recorded, " + type(replayed) + " replayed");
            return;
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (EXACT.contains(field) && recorded.isValueNode() && !recorded.asText().equals(replayed.asText())) {
            differences.add(path + ": \"" + recorded.asText() + "\" recorded, \"" + replayed.asText() + "\" replayed");
        }
        if (recorded.isObject()) {
            if (!KEYED_BY_DATA.contains(field)) {
                Set<String> onlyRecorded = names(recorded);
                onlyRecorded.removeAll(names(replayed));
                Set<String> onlyReplayed = names(replayed);
                onlyReplayed.removeAll(names(recorded));
                if (!onlyRecorded.isEmpty() || !onlyReplayed.isEmpty()) {
                    differences.add(path + ": keys only recorded " + onlyRecorded + ", only replayed " + onlyReplayed);
                }
            }
            for (String name : names(recorded)) {
                if (replayed.has(name)) {
                    compare(path + "." + name, recorded.get(name), replayed.get(name), differences);
                }
            }
        } else if (recorded.isArray()) {
            pairs(recorded, replayed).forEach((label, pair) -> compare(path + "[" + label + "]", pair[0], pair[1],
                    differences));
        }
    }

    /** Items paired by their ticket number where they have one (the order of equal timestamps may differ). */
    private static Map<String, JsonNode[]> pairs(JsonNode recorded, JsonNode replayed) {
        Map<String, JsonNode> replayedByNumber = new LinkedHashMap<>();
        replayed.forEach(item -> replayedByNumber.put(item.path("number").asText(""), item));
        Map<String, JsonNode[]> pairs = new LinkedHashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            JsonNode item = recorded.get(i);
            String number = item.path("number").asText("");
            JsonNode partner = replayedByNumber.get(number);
            if (!number.isEmpty() && partner != null) {
                pairs.put("#" + number, new JsonNode[] {item, partner});
            } else if (i < replayed.size()) {
                pairs.put(String.valueOf(i), new JsonNode[] {item, replayed.get(i)});
            }
        }
        return pairs;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String type(JsonNode node) {
        return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase();
    }

    /** XML read into the tree its JSON twin would have ({@link XmlTree}), then compared as JSON. */
    static List<String> xmlDifferences(String recorded, String replayed) {
        try {
            return jsonDifferences(XmlTree.parse(recorded), XmlTree.parse(replayed));
        } catch (IOException e) {
            return List.of("not both well-formed XML: " + e.getMessage());
        }
    }
}
