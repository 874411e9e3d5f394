package org.osticketgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark results as Markdown tables, one section a benchmark, with the machine they ran on. */
final class BenchmarkTable {

    private record Section(String title, String intro, List<String> header, List<List<String>> rows) {
    }

    private final List<Section> sections = new ArrayList<>();

    synchronized void section(String title, String intro, String... header) {
        sections.add(new Section(title, intro, List.of(header), new ArrayList<>()));
    }

    synchronized void row(Object... cells) {
        sections.get(sections.size() - 1).rows().add(Arrays.stream(cells).map(String::valueOf).toList());
    }

    /**
     * Writes this run's sections into {@code file}, each under its title with the date and machine it was
     * measured on, and keeps the sections there that this run did not measure: a benchmark run alone
     * replaces only its own.
     */
    synchronized void write(Path file) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>();
        if (Files.exists(file)) {
            String[] parts = Files.readString(file).split("\n## ");
            for (int i = 1; i < parts.length; i++) {
                String title = parts[i].substring(0, parts[i].indexOf('\n'));
                kept.put(title, "\n## " + parts[i].stripTrailing() + "\n");
            }
        }
        String measured = "Measured on " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " — " + machine() + ".";
        for (Section section : sections) {
            StringBuilder md = new StringBuilder("\n## ").append(section.title()).append("\n\n").append(measured)
                    .append(' ').append(section.intro()).append("\n\n| ").append(String.join(" | ", section.header()))
                    .append(" |\n|").append("---|".repeat(section.header().size())).append('\n');
            for (List<String> row : section.rows()) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            kept.put(section.title(), md.toString());
        }
        StringBuilder md = new StringBuilder("# Benchmarks\n\n")
                .append("Written by `mvn -B -Pbench test`; a benchmark run alone (`-Dtest=…`) rewrites only its own ")
                .append("sections, and each section says when and on what it was measured. ")
                .append("Every ratio is measured side by side in the same run, against the same servers on loopback, ")
                .append("so that it holds on a noisy machine; absolute rates are this machine's.\n");
        kept.values().forEach(md::append);
        Files.writeString(file, md);
    }

    static String ratio(double value) {
        return String.format("%.2f", value);
    }

    static String rate(double perSecond) {
        return String.format("%,.1f/s", perSecond);
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    /** The value at percentile {@code p} (0–100) of the samples. */
    static double percentile(List<Double> samples, double p) {
        List<Double> sorted = samples.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // Not Linux: the CPU goes unnamed.
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " GiB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }
}
