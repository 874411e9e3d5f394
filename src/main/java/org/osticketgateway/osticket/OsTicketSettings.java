package org.osticketgateway.osticket;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.osticketgateway.tls.AddedTrust;

/**
 * How to reach osTicket. {@code baseUrl} is the API root ({@code https://helpdesk.example.com/api}).
 * {@code zone} is the server's clock: osTicket writes timestamps without a zone. {@code priorities}
 * maps priority names to ids for servers that take only ids (the shipped plugin on create).
 * {@code trust} is a CA trusted for osTicket on top of the JVM's (null: the JVM's alone).
 */
public record OsTicketSettings(String baseUrl, String apiKey, DialectChoice dialect, ResponseFormat responseFormat,
                               ZoneId zone, Duration connectTimeout, Duration readTimeout, int maxConnections,
                               Map<String, Long> priorities, AddedTrust trust) {

    /** osTicket's own priorities. */
    public static final Map<String, Long> DEFAULT_PRIORITIES = Map.of("Low", 1L, "Normal", 2L, "High", 3L,
            "Emergency", 4L);

    public OsTicketSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        dialect = dialect == null ? DialectChoice.AUTO : dialect;
        responseFormat = responseFormat == null ? ResponseFormat.JSON : responseFormat;
        zone = zone == null ? ZoneId.of("UTC") : zone;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxConnections = maxConnections <= 0 ? 50 : maxConnections;
        priorities = priorities == null || priorities.isEmpty() ? DEFAULT_PRIORITIES : Map.copyOf(priorities);
    }

    public static OsTicketSettings of(String baseUrl, String apiKey) {
        return new OsTicketSettings(baseUrl, apiKey, null, null, null, null, null, 0, null, null);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "OsTicketSettings[baseUrl=" + baseUrl + ", dialect=" + dialect + ", responseFormat=" + responseFormat
                + ", zone=" + zone + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxConnections=" + maxConnections + ", priorities=" + priorities
                + (trust == null ? "" : ", trust=" + trust.source()) + "]";
    }
}
