package org.osticketgateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.main.Main;

/**
 * The gateway run as the README runs it (main class, {@code config/}, {@code routes/}), with
 * settings overridden, in a background thread until {@link #stop()}.
 */
public final class GatewayTestRun {

    private final Main main;
    private final GatewayStartup startup;
    private final ExecutorService thread;

    private GatewayTestRun(Main main, GatewayStartup startup, ExecutorService thread) {
        this.main = main;
        this.startup = startup;
        this.thread = thread;
    }

    /** Starts and waits until Camel runs; {@code overrides} are key, value, key, value… */
    public static GatewayTestRun start(String... overrides) {
        GatewayStartup startup = new GatewayStartup();
        Main main = Gateway.create("config/application.properties", startup);
        for (int i = 0; i < overrides.length; i += 2) {
            main.addOverrideProperty(overrides[i], overrides[i + 1]);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor();
        thread.submit(() -> {
            try {
                main.run();
            } catch (GatewayStartupException e) {
                // startup.failure() says why
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> startup.failure() != null
                || (main.getCamelContext() != null && main.getCamelContext().isStarted()));
        if (startup.failure() != null) {
            throw new IllegalStateException(startup.failure());
        }
        return new GatewayTestRun(main, startup, thread);
    }

    /** A port free on loopback now, for a server the test starts next. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public Main main() {
        return main;
    }

    public void stop() {
        main.completed();
        thread.shutdown();
        await().atMost(Duration.ofSeconds(30)).until(thread::isTerminated);
    }

    String failure() {
        return startup.failure();
    }
}
