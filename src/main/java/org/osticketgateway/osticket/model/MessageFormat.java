package org.osticketgateway.osticket.model;

import java.util.Locale;

/** How a message body is written. Markdown needs osTicket's Markdown Support plugin. */
public enum MessageFormat {
    TEXT, HTML, MARKDOWN;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an API value; unknown or absent values are plain text, as osTicket treats them. */
    public static MessageFormat fromApi(String value) {
        if (value == null) {
            return TEXT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "html" -> HTML;
            case "markdown" -> MARKDOWN;
            default -> TEXT;
        };
    }
}
