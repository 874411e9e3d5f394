package org.osticketgateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.main.Main;
import org.osticketgateway.check.CheckCommand;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway: Camel Main with {@code config/application.properties} (or the file named by
 * {@code GATEWAY_CONFIG}) and the YAML routes in {@code routes/}. With no {@code osticket.url} it
 * starts the embedded sandbox first. {@code check} instead probes the configured osTicket and exits
 * (see {@link CheckCommand}).
 */
public final class Gateway {

    private Gateway() {
    }

    public static void main(String[] args) throws Exception {
        String config = System.getenv().getOrDefault("GATEWAY_CONFIG", "config/application.properties");
        if (!Files.isRegularFile(Path.of(config))) {
            LoggerFactory.getLogger(Gateway.class).error("Not starting: the configuration file {} does not exist: "
                    + "run from the folder that holds config/ and routes/, or set GATEWAY_CONFIG.", config);
            System.exit(1);
        }
        if (args.length > 0 && args[0].equals("check")) {
            // The check's report is its output: its log holds only warnings, on stderr.
            System.setProperty("log4j2.configurationFile", "classpath:log4j2-check.properties");
            System.exit(CheckCommand.run(config, Map.of(), System.out, GatewayStartup::embeddedSandbox));
        }
        Main main = create(config, new GatewayStartup());
        try {
            System.exit(main.run(args));
        } catch (GatewayStartupException e) {
            // Already said in one sentence; a stack trace would only hide it.
            System.exit(1);
        }
    }

    /** A gateway on the given configuration file, not yet started. */
    static Main create(String configFile, GatewayStartup startup) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile);
        main.addMainListener(startup);
        return main;
    }
}
