package org.osticketgateway.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The lab kit's {@code subticket-patch.sh}: renames the shipped plugin's recursive
 * {@code getApiKey()} so that the subticket endpoints work ({@code apply}), or puts the stock file
 * back ({@code revert}).
 */
record SubticketPatch(Path script, Path labDir) {

    String apply() throws IOException, InterruptedException {
        return run("apply");
    }

    String revert() throws IOException, InterruptedException {
        return run("revert");
    }

    String status() throws IOException, InterruptedException {
        return run("status");
    }

    private String run(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString(), labDir.toString(), action).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("subticket-patch.sh " + action + " failed: " + output);
        }
        return output;
    }
}
