package org.osticketgateway.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The sandbox's clock face: osTicket's {@code YYYY-MM-DD HH:MM:SS}, server-local (UTC here). */
final class ServerTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ServerTime() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** A date or date-time as osTicket accepts them; null when it is neither. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
