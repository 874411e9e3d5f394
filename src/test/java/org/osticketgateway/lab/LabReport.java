package org.osticketgateway.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What a lab test tried in each flow, what happened and whether that is what was intended: LAB.md. */
final class LabReport {

    record Check(String flow, String tried, String happened, boolean intended) {
    }

    private final List<Check> checks = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    /** Records a check and returns whether it held, so that a flow can go on and fail at its end. */
    synchronized boolean check(String flow, String tried, String happened, boolean intended) {
        checks.add(new Check(flow, tried, happened.replace('|', '/').replace('\n', ' '), intended));
        return intended;
    }

    /** A raw answer or fact worth reading in full, listed under the table. */
    synchronized void finding(String text) {
        findings.add(text);
    }

    synchronized List<Check> failed(String flow) {
        return checks.stream().filter(c -> c.flow().equals(flow) && !c.intended()).toList();
    }

    synchronized void write(Path file, String writtenBy, String preamble) throws IOException {
        StringBuilder md = new StringBuilder("# The gateway against a real osTicket 1.18.1 (lab)\n\n")
                .append("Written by `").append(writtenBy).append("` on ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(".\n").append(preamble).append("\n\n| flow | tried | what happened | as intended |\n")
                .append("|---|---|---|---|\n");
        checks.forEach(c -> md.append("| ").append(c.flow()).append(" | ").append(c.tried()).append(" | ")
                .append(c.happened()).append(" | ").append(c.intended() ? "yes" : "**no**").append(" |\n"));
        if (!findings.isEmpty()) {
            md.append("\n## Raw answers and findings\n\n");
            findings.forEach(f -> md.append("- ").append(f.replace("\n", "\n  ")).append('\n'));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
    }
}
