package org.osticketgateway.check;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check run in this JVM, as the command runs it (the project's configuration file, settings on
 * top), against an osTicket the test started: its exit status and the lines it printed.
 */
record CheckRun(int exitStatus, List<String> lines) {

    /** {@code settings}: key, value, key, value… over config/application.properties. */
    static CheckRun of(String url, String apiKey, String... settings) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("osticket.url", url);
        overrides.put("osticket.api-key", apiKey);
        for (int i = 0; i < settings.length; i += 2) {
            overrides.put(settings[i], settings[i + 1]);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            status = CheckCommand.run("config/application.properties", overrides, out, properties -> null);
        }
        return new CheckRun(status, printed.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /** The line of this verdict and topic, if printed. */
    Optional<String> line(Verdict verdict, String topic) {
        String start = String.format("%-4s  %s ", verdict, topic);
        return lines.stream().filter(l -> l.startsWith(start)).findFirst();
    }

    String text() {
        return String.join("\n", lines);
    }
}
