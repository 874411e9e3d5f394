package org.osticketgateway.check;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.component.OsTicketComponent;

/**
 * {@code java -jar osticket-gateway.jar check}: probes the configured osTicket with the configured
 * key, through the gateway's own client configured exactly as the gateway configures it (the
 * configuration file, environment variables over it, {@code camel.component.osticket.*}), and prints
 * one line per probe. Never touches Kafka; logs into each mailbox once, reading only. Exit status 0 when every configured flow
 * can work on this server, 1 otherwise.
 */
public final class CheckCommand {

    private static final String COMPONENT = "camel.component.osticket.";

    private CheckCommand() {
    }

    /**
     * Runs the check on {@code configFile} with {@code overrides} on top (as the gateway's own
     * overrides are), prints the report to {@code out} and returns the exit status.
     * {@code embeddedOsTicket} starts a stand-in when no {@code osticket.url} is set, pointing the
     * settings at it (the gateway's sandbox), and returns it to be closed; null when none is needed.
     */
    public static int run(String configFile, Map<String, String> overrides, PrintStream out,
                          Function<PropertiesComponent, ? extends AutoCloseable> embeddedOsTicket) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PropertiesComponent properties = camel.getPropertiesComponent();
            properties.setLocation("file:" + configFile);
            overrides.forEach(properties::addOverrideProperty);
            boolean embedded = properties.resolveProperty("osticket.url").orElse("").isBlank();
            CheckConfiguration configuration = CheckConfiguration.read(new Settings(properties));
            AutoCloseable standIn;
            try {
                standIn = embeddedOsTicket.apply(properties);
            } catch (RuntimeException e) {
                return print(unusable(properties, configuration, e), out);
            }
            try (AutoCloseable closing = standIn) {
                OsTicketClient client;
                try {
                    client = client(camel, properties);
                } catch (RuntimeException e) {
                    return print(unusable(properties, configuration, e), out);
                }
                try (client) {
                    String target = shown(client.settings().baseUrl())
                            + (embedded && standIn != null ? " (the embedded sandbox: osticket.url is not set)" : "");
                    return print(new CheckReport(target, Clock.systemUTC().instant(), configuration.flows(),
                            new ServerCheck(client, configuration, Clock.systemUTC()).run()), out);
                }
            }
        } catch (Exception e) {
            out.println(CheckReport.line(Finding.fail("check", "the check itself failed: " + e,
                    Set.of(Flow.CONNECTION))));
            return 1;
        }
    }

    /** A setting the osticket component cannot take, or a sandbox that cannot start: the gateway would not start either. */
    private static CheckReport unusable(PropertiesComponent properties, CheckConfiguration configuration,
                                        RuntimeException e) {
        List<Finding> findings = new ArrayList<>(configuration.problems());
        findings.add(Finding.fail("configuration", e.getMessage() + ": the gateway would not start",
                Set.of(Flow.CONNECTION)));
        return new CheckReport(shown(properties.resolveProperty("osticket.url").orElse("(no osticket.url)")),
                Clock.systemUTC().instant(), configuration.flows(), findings);
    }

    private static int print(CheckReport report, PrintStream out) {
        report.lines().forEach(out::println);
        out.flush();
        return report.exitStatus();
    }

    /** The client the gateway would build: the osticket component bound to its camel.component.osticket.* keys. */
    private static OsTicketClient client(DefaultCamelContext camel, PropertiesComponent properties) {
        OsTicketComponent component = new OsTicketComponent();
        camel.addComponent("osticket", component);
        Map<String, Object> options = new LinkedHashMap<>();
        properties.loadProperties(key -> key.startsWith(COMPONENT)).stringPropertyNames().forEach(key ->
                options.put(StringHelper.dashToCamelCase(key.substring(COMPONENT.length())),
                        properties.resolveProperty(key).orElse("")));
        PropertyBindingSupport.build().withCamelContext(camel).withTarget(component).withProperties(options)
                .withIgnoreCase(true).bind();
        return component.client();
    }

    /** A URL as printed: without any user or password in it. */
    static String shown(String url) {
        return url.replaceFirst("//[^/@]*@", "//");
    }
}
