package org.osticketgateway.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of what one reliability suite tried and what it counted. Each suite writes its own
 * section; {@code RELIABILITY.md} beside them is made again from every section written so far, in a
 * fixed order, so whichever suite ends last leaves the whole file.
 */
final class ReliabilityReport {

    /** The sections, in the order RELIABILITY.md shows them. */
    private static final List<String> SECTIONS = List.of("one-gateway", "cluster");

    record Row(String part, String tried, String counted, boolean held) {
    }

    private final String section;
    private final String intro;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** {@code section}: one of {@link #SECTIONS}; {@code intro}: what ran, in a sentence or two. */
    ReliabilityReport(String section, String intro) {
        this.section = section;
        this.intro = intro;
    }

    synchronized void row(String part, String tried, String counted, boolean held) {
        rows.add(new Row(part, tried, counted, held));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    /** Writes this section into {@code folder}, then {@code folder/RELIABILITY.md} from all sections there. */
    synchronized void write(Path folder) throws IOException {
        StringBuilder md = new StringBuilder(intro).append("\n\n| part | tried | counted | held |\n|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.part()).append(" | ").append(row.tried()).append(" | ").append(row.counted())
                    .append(" | ").append(row.held() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Path sections = folder.resolve("sections");
        Files.createDirectories(sections);
        Files.writeString(sections.resolve(section + ".md"), md);
        StringBuilder all = new StringBuilder("# Reliability\n\n")
                .append("Written by the reliability suites (part of `mvn -B test`, so of every CI run) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append(".\n");
        for (String name : SECTIONS) {
            Path written = sections.resolve(name + ".md");
            if (Files.exists(written)) {
                all.append('\n').append(Files.readString(written, StandardCharsets.UTF_8));
            }
        }
        Files.writeString(folder.resolve("RELIABILITY.md"), all);
    }
}
