package org.osticketgateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How long the sandbox takes to answer, as a real osTicket does: each operation's {@link OperationTime},
 * the server's {@code cores} (work beyond them queues) and its PHP {@code workers} (calls beyond them
 * wait for one, as php-fpm's {@code pm.max_children} makes them). With {@code waits} off the sandbox
 * answers at full speed and only counts the server time each call would have cost — for measuring a
 * flow's load on a helpdesk whose real waits would take hours.
 */
public record TimingProfile(String source, int cores, int workers, Map<ApiOperation, OperationTime> times,
                            boolean waits) {

    private static final String REALISTIC = "osticket-1.18.1.timing.properties";

    public TimingProfile {
        times = Map.copyOf(times);
    }

    /** Full speed: no call costs anything. The sandbox's default, for measuring the gateway's own overhead. */
    public static TimingProfile none() {
        return new TimingProfile("none", Integer.MAX_VALUE, Integer.MAX_VALUE, Map.of(), false);
    }

    /**
     * As measured on a real osTicket 1.18.1 with the API Endpoints plugin v2.3.4 (the lab kit, by
     * {@code LabTimingTest}; the measurements are in the test resources' {@code lab-osticket-1.18.1/timing.md}).
     */
    public static TimingProfile realistic() {
        Properties measured = new Properties();
        try (InputStream in = TimingProfile.class.getResourceAsStream(REALISTIC)) {
            measured.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<ApiOperation, OperationTime> times = new EnumMap<>(ApiOperation.class);
        for (ApiOperation operation : ApiOperation.values()) {
            String name = operation.name().toLowerCase(Locale.ROOT);
            if (measured.containsKey(name + ".work-ms")) {
                times.put(operation, new OperationTime(millis(measured, name + ".latency-ms"),
                        millis(measured, name + ".work-ms"), millis(measured, name + ".per-ticket-ms")));
            }
        }
        return new TimingProfile("osTicket 1.18.1 + API Endpoints v2.3.4, measured on the lab",
                Integer.parseInt(measured.getProperty("cores")), Integer.parseInt(measured.getProperty("workers")),
                times, true);
    }

    /** The same costs, counted but not waited for. */
    public TimingProfile withoutWaiting() {
        return new TimingProfile(source, cores, workers, times, false);
    }

    OperationTime time(ApiOperation operation) {
        return times.getOrDefault(operation, OperationTime.FREE);
    }

    private static Duration millis(Properties measured, String key) {
        return Duration.ofNanos(Math.round(Double.parseDouble(measured.getProperty(key, "0")) * 1_000_000));
    }
}
