package org.osticketgateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway as its own operating-system process, started the way the README starts it (main
 * class, {@code config/}, {@code routes/}, settings from the environment), so that it can be
 * killed with SIGKILL. Everything it prints goes to one log file, kept across restarts.
 */
public final class GatewayProcess {

    private final Map<String, String> environment;
    private final String logConfig;
    private final Path log;
    private Process process;

    /** {@code logConfig}: a log4j2 configuration on the classpath ({@code log4j2.properties} is the product's). */
    public GatewayProcess(Map<String, String> environment, String logConfig, Path log) {
        this.environment = environment;
        this.logConfig = logConfig;
        this.log = log;
    }

    /** Starts it and waits until Camel says it has started; returns how long that took. */
    public Duration start() throws IOException {
        long from = Files.exists(log) ? Files.size(log) : 0;
        long begin = System.nanoTime();
        process = JavaProcess.builder(Gateway.class.getName(), List.of("-Xmx384m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=classpath:" + logConfig), List.of(),
                environment, log).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive() || logSince(from).contains(" started in "));
        if (!process.isAlive()) {
            throw new IllegalStateException("the gateway did not start: " + logSince(from));
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory now, in MiB, as the kernel counts it. */
    public long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid());
    }

    private String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int start = (int) Math.min(offset, all.length);
        return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }
}
