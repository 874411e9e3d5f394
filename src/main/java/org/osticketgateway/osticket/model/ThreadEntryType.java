package org.osticketgateway.osticket.model;

import java.util.Locale;

/** Who wrote a thread entry: the user (message), staff (response) or staff only (internal note). */
public enum ThreadEntryType {
    MESSAGE, RESPONSE, NOTE;

    /** Reads both the documented words and osTicket's one-letter codes (M, R, N). */
    public static ThreadEntryType fromApi(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "m", "message" -> MESSAGE;
            case "r", "response" -> RESPONSE;
            case "n", "note" -> NOTE;
            default -> throw new IllegalArgumentException("unknown thread entry type '" + value + "'");
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
