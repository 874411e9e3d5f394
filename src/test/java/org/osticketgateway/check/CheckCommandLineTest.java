package org.osticketgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.Gateway;
import org.osticketgateway.JavaProcess;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * {@code check} as users run it: the gateway's main class with the argument {@code check}, in its own
 * JVM, settings from the environment. The report is on stdout, the log (warnings only) on stderr.
 */
class CheckCommandLineTest {

    @TempDir
    Path folder;

    private record Exit(int status, String stdout, String stderr) {
    }

    private Exit check(Map<String, String> environment) throws Exception {
        File out = folder.resolve("stdout.txt").toFile();
        File err = folder.resolve("stderr.txt").toFile();
        ProcessBuilder builder = JavaProcess.builder(Gateway.class.getName(), List.of("-Xmx256m"), List.of("check"),
                Map.of(), out.toPath());
        // The child takes its settings from the environment: none but the test's may leak in from ours.
        builder.environment().keySet().removeIf(name -> name.matches("(OSTICKET|MAIL|COMMANDS|EVENTS|REPORT|SANDBOX|"
                + "GATEWAY|LOG)_.*"));
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(false).redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("check finished").isTrue();
        return new Exit(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void withNoOsTicketConfiguredItChecksTheEmbeddedSandboxAndExitsZero() throws Exception {
        Exit exit = check(Map.of("SANDBOX_PORT", "0", "COMMANDS_ENABLED", "true"));

        assertThat(exit.status()).as(exit.stdout() + exit.stderr()).isZero();
        assertThat(exit.stdout()).startsWith("osticket-gateway check of http://127.0.0.1:")
                .contains("(the embedded sandbox: osticket.url is not set)")
                .contains("\nOK    flow commands         can work on this server\n")
                .doesNotContain("sandbox-key");
        assertThat(exit.stderr()).doesNotContain(" INFO ");
    }

    @Test
    void aWrongKeyFromTheEnvironmentExitsOneNamingTheSetting() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("right-key"), false)) {
            Exit exit = check(Map.of("OSTICKET_URL", sandbox.url(), "OSTICKET_API_KEY", "wrong-key-from-env"));

            assertThat(exit.status()).isEqualTo(1);
            assertThat(exit.stdout()).contains("FAIL  api key ").contains("check osticket.api-key (OSTICKET_API_KEY)")
                    .doesNotContain("wrong-key-from-env");
        }
    }
}
