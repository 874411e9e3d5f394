package org.osticketgateway.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The table of what the reliability suite tried and what it counted, written as RELIABILITY.md. */
final class ReliabilityReport {

    record Row(String part, String tried, String counted, boolean held) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void row(String part, String tried, String counted, boolean held) {
        rows.add(new Row(part, tried, counted, held));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized void write(Path file) throws IOException {
        StringBuilder md = new StringBuilder("# Reliability\n\n")
                .append("Written by `ReliabilitySuiteTest` (part of `mvn -B test`, so of every CI run) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append(".\n")
                .append("Real parts over loopback: the gateway as its own process (killed with SIGKILL), the ")
                .append("osTicket sandbox over HTTP, GreenMail over IMAP, a Kafka 3.9.1 broker as its own ")
                .append("process (restarted), a local HTTP server as Slack.\n\n")
                .append("| part | tried | counted | held |\n|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.part()).append(" | ").append(row.tried()).append(" | ").append(row.counted())
                    .append(" | ").append(row.held() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
    }
}
