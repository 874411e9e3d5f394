package org.osticketgateway.job;

import java.util.Locale;

/** What a job does on each fire: make a ticket (with children), change found tickets, or link them under a parent. */
public enum JobKind {
    CREATE, UPDATE, LINK;

    static JobKind parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " must be create, update or link, not '" + value + "'");
        }
    }
}
