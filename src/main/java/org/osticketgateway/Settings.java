package org.osticketgateway;

import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Typed reads of the gateway's configuration (environment variables already applied by Camel). A
 * value that cannot be read stops start-up with a sentence naming its key.
 */
public final class Settings {

    private final PropertiesComponent properties;

    public Settings(PropertiesComponent properties) {
        this.properties = properties;
    }

    /** The trimmed value, or {@code fallback} when unset or empty. */
    public String text(String key, String fallback) {
        String value = properties.resolveProperty(key).map(String::trim).orElse("");
        return value.isEmpty() ? fallback : value;
    }

    /** Comma-separated values, trimmed, empty ones dropped. */
    public List<String> list(String key) {
        return Arrays.stream(text(key, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int integer(String key, int fallback) {
        return (int) number(key, fallback, "a whole number");
    }

    public long size(String key, long fallback) {
        return number(key, fallback, "a number of bytes");
    }

    private long number(String key, long fallback, String what) {
        String value = text(key, String.valueOf(fallback));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be " + what + ", not '" + value + "'");
        }
    }

    /** A share: above 0 and at most 1, such as 0.02 for 2%. */
    public double fraction(String key, double fallback) {
        String value = text(key, String.valueOf(fallback));
        try {
            double share = Double.parseDouble(value);
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // Said below, with the key.
        }
        throw new IllegalStateException(key + " must be a number above 0 and at most 1 (0.02 is 2%), not '" + value
                + "'");
    }

    public boolean flag(String key, boolean fallback) {
        String value = text(key, String.valueOf(fallback));
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalStateException(key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A value that must be set. */
    public String required(String key, String why) {
        String value = text(key, "");
        if (value.isEmpty()) {
            throw new IllegalStateException(key + " is not set: " + why);
        }
        return value;
    }
}
