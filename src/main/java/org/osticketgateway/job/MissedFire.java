package org.osticketgateway.job;

import java.util.Locale;

/** What a fire that fell while the gateway was down becomes at start: run once, or skipped. */
public enum MissedFire {
    RUN, SKIP;

    static MissedFire parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " must be run or skip, not '" + value + "'");
        }
    }
}
