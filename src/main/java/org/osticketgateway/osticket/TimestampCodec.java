package org.osticketgateway.osticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * osTicket writes {@code YYYY-MM-DD HH:MM:SS} in the server's local time with no zone. This turns
 * those into instants with the configured zone, and ISO 8601 input into the server's form.
 */
public final class TimestampCodec {

    private static final DateTimeFormatter SERVER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public TimestampCodec(ZoneId zone) {
        this.zone = zone;
    }

    /** Null for null or empty input; a date alone means its start of day. */
    public Instant parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    public String format(Instant instant) {
        return SERVER.format(instant.atZone(zone));
    }

    /**
     * Reads a caller's ISO 8601 date ({@code 2025-12-31}), local date-time or zoned date-time into
     * the server's form; throws {@link DateTimeParseException} when it is none of those.
     */
    public String toServerForm(String iso) {
        String value = iso.trim();
        if (value.length() == 10) {
            return SERVER.format(LocalDate.parse(value).atStartOfDay());
        }
        try {
            return SERVER.format(LocalDateTime.parse(value.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            return format(OffsetDateTime.parse(value).toInstant());
        }
    }
}
