package org.osticketgateway.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A lab osTicket as its {@code lab.env} describes it (written by the lab kit's {@code setup.sh}):
 * the API root, the full-access and create-only API keys, and the lab's folder.
 */
public record LabEnvironment(Path dir, String apiUrl, String apiKey, String limitedKey) {

    public static LabEnvironment read(Path labEnv) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(labEnv)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
            }
        }
        for (String key : new String[] {"OSTICKET_URL", "OSTICKET_API_KEY", "OSTICKET_LIMITED_KEY"}) {
            if (values.get(key) == null || values.get(key).isEmpty()) {
                throw new IllegalArgumentException(labEnv + " has no " + key);
            }
        }
        return new LabEnvironment(labEnv.toAbsolutePath().getParent(), values.get("OSTICKET_URL"),
                values.get("OSTICKET_API_KEY"), values.get("OSTICKET_LIMITED_KEY"));
    }

    /** The keys as recordings name them. */
    public Map<String, String> keyRoles() {
        return Map.of(apiKey, "FULL_ACCESS_KEY", limitedKey, "CREATE_ONLY_KEY");
    }
}
