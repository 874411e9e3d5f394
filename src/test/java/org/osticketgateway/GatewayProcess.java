package org.osticketgateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The gateway as its own operating-system process, started the way the README starts it (main
 * class or {@code java -jar}, {@code config/}, {@code routes/}, settings from the environment), so
 * that it can be killed with SIGKILL or stopped. Everything it prints goes to one log file, kept
 * across restarts.
 */
public final class GatewayProcess {

    /**
     * The JVM options the README and the Dockerfile run the gateway with (a small initial heap that
     * grows as needed, the serial collector, the quick C1 compiler alone: less to start, less resident
     * memory), capped at 384 MiB of heap.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Xms32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Supplier<ProcessBuilder> launcher;
    private final Path log;
    private Process process;

    /**
     * The main class on the tests' classpath; {@code logConfig}: a log4j2 configuration on the
     * classpath ({@code log4j2.properties} is the product's).
     */
    public GatewayProcess(Map<String, String> environment, String logConfig, Path log) {
        this(() -> JavaProcess.builder(Gateway.class.getName(), Stream.concat(JVM_OPTIONS.stream(),
                Stream.of("-Dlog4j2.configurationFile=classpath:" + logConfig)).toList(), List.of(), environment, log), log);
    }

    private GatewayProcess(Supplier<ProcessBuilder> launcher, Path log) {
        this.launcher = launcher;
        this.log = log;
    }

    /**
     * As a user runs it: {@code java -jar <jar>} from the current folder (which holds {@code config/}
     * and {@code routes/}), with the product's own logging ({@code LOG_LEVEL} in the environment) and
     * the class-data archive {@code mvn package} made beside the jar (Java ignores one that is missing).
     */
    public static GatewayProcess ofJar(Path jar, Map<String, String> environment, Path log) {
        return new GatewayProcess(() -> JavaProcess.jarBuilder(jar, Stream.concat(JVM_OPTIONS.stream(),
                Stream.of(classDataOption(jar))).toList(), environment, log), log);
    }

    /** {@link #ofJar} without the class-data archive, to measure what it saves. */
    public static GatewayProcess ofJarWithoutClassData(Path jar, Map<String, String> environment, Path log) {
        return new GatewayProcess(() -> JavaProcess.jarBuilder(jar, JVM_OPTIONS, environment, log), log);
    }

    /** The option that starts the JVM from the archive beside {@code jar}, as the README runs it. */
    private static String classDataOption(Path jar) {
        return "-XX:SharedArchiveFile=" + jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
    }

    /** Starts it and waits until Camel says it has started; returns how long that took. */
    public Duration start() throws IOException {
        long from = Files.exists(log) ? Files.size(log) : 0;
        long begin = System.nanoTime();
        process = launcher.get().start();
        await().atMost(Duration.ofSeconds(120)).until(() -> !process.isAlive() || logSince(from).contains(" started in "));
        if (!process.isAlive()) {
            throw new IllegalStateException("the gateway did not start: " + logSince(from));
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** SIGTERM, as a service manager stops it: it finishes what is in flight; waits until it is gone. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not stop within 60 s of SIGTERM");
        }
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

    /** The CPU time the process has used so far (user and system), in clock ticks (1/100 s on Linux). */
    public long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
        // After the command name in parentheses: state is field 3, utime and stime fields 14 and 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int start = (int) Math.min(offset, all.length);
        return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }
}
