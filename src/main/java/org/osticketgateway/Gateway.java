package org.osticketgateway;

import org.apache.camel.main.Main;

/**
 * Starts the gateway: Camel Main with {@code config/application.properties} (or the file named by
 * {@code GATEWAY_CONFIG}) and the YAML routes in {@code routes/}. With no {@code osticket.url} it
 * starts the embedded sandbox first.
 */
public final class Gateway {

    private Gateway() {
    }

    public static void main(String[] args) throws Exception {
        Main main = create(System.getenv().getOrDefault("GATEWAY_CONFIG", "config/application.properties"),
                new GatewayStartup());
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
