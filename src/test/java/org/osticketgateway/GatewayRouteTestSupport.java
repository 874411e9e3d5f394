package org.osticketgateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/**
 * Camel's test kit on one YAML route file as it is written in {@code routes/}: the file loaded with
 * the configuration's defaults ({@code config/application.properties}) plus the test's settings, its
 * real beans set up by the flow's own setup class, {@code osticket:} calling a sandbox over HTTP, and
 * the endpoints that would need another server (Kafka, IMAP, SMTP, Slack, the HTTP port) replaced by
 * the test's {@link #advise()} with AdviceWith. Counters land in {@link #meters}.
 *
 * <p>A new route's test: extend this, name the file in {@link #routeFile()}, run its setup in
 * {@link #install}, replace its server endpoints in {@link #advise()}, send to its {@code direct:}
 * replacement and assert on mock endpoints, counters and the sandbox.
 */
public abstract class GatewayRouteTestSupport extends CamelTestSupport {

    protected static final String KEY = "route-test-key";

    @TempDir
    protected Path data;
    protected SandboxServer sandbox;
    protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** The file under {@code routes/}. */
    protected abstract String routeFile();

    /** Settings on top of {@code config/application.properties}: key, value, key, value… */
    protected abstract String[] settings();

    /** The flow's setup, as the gateway runs it before its routes start. */
    protected abstract void install(CamelContext camel, Settings settings) throws Exception;

    /** AdviceWith on the loaded routes, before the context starts. */
    protected abstract void advise() throws Exception;

    protected SandboxOptions sandboxOptions() {
        return SandboxOptions.withKey(KEY);
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("meters", meters);
    }

    @BeforeEach
    void loadTheRouteFile() throws Exception {
        sandbox = SandboxServer.start(0, sandboxOptions(), true);
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation("file:config/application.properties");
        Properties overrides = new Properties();
        overrides.put("gateway.data-dir", data.toString());
        String[] settings = settings();
        for (int i = 0; i < settings.length; i += 2) {
            overrides.put(settings[i], settings[i + 1]);
        }
        properties.setOverrideProperties(overrides);
        OsTicketComponent osticket = new OsTicketComponent();
        osticket.setBaseUrl(sandbox.url());
        osticket.setApiKey(KEY);
        context.addComponent("osticket", osticket);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:routes/" + routeFile()));
        install(context, new Settings(properties));
        advise();
        context.start();
    }

    @AfterEach
    void stopTheSandbox() {
        sandbox.close();
    }

    /** The sum of the counters of this name with these tags (whatever their other tags), 0 if none. */
    protected double count(String name, Map<String, String> tags) {
        var search = meters.find(name);
        for (var tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
