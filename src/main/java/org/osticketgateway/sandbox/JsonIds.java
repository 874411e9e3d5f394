package org.osticketgateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an id field that the API expects as a positive integer (a JSON number or digits). */
final class JsonIds {

    private JsonIds() {
    }

    static Long positive(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        if (!SandboxStore.isDigits(text)) {
            return null;
        }
        long id = Long.parseLong(text);
        return id > 0 ? id : null;
    }
}
