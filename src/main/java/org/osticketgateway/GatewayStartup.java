package org.osticketgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.osticket.component.OsTicketHealthCheck;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.command.CommandSetup;
import org.osticketgateway.check.DepartmentProbe;
import org.osticketgateway.cluster.ClusterSetup;
import org.osticketgateway.events.EventSetup;
import org.osticketgateway.job.JobSetup;
import org.osticketgateway.mail.MailSetup;
import org.osticketgateway.management.ManagementAccess;
import org.osticketgateway.management.ManagementServerFactory;
import org.osticketgateway.report.ReportSetup;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;
import org.osticketgateway.sandbox.TimingProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the routes start: brings up the sandbox when no osTicket is configured, checks osTicket
 * once (reachable, key accepted, dialect known), and sets up the reports, mailboxes, commands, events
 * and jobs. A problem stops the gateway with one sentence that names the setting.
 */
final class GatewayStartup extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayStartup.class);
    static final String SANDBOX_KEY = "sandbox-key";

    private SandboxServer sandbox;
    private volatile String failure;

    /** The sentence that stopped start-up, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        ManagementAccess access;
        try {
            Settings settings = new Settings(main.getCamelContext().getPropertiesComponent());
            access = managementAccess(settings);
            ClusterSetup.install(main.getCamelContext(), settings);
        } catch (IllegalStateException e) {
            stop(main, e.getMessage());
            return;
        } catch (Exception e) {
            stop(main, "the gateway could not set up its cluster service (cluster.service): " + e.getMessage());
            return;
        }
        // Camel Main takes the HTTP server factory from the registry: the guard is in place before
        // the management port takes its first request.
        main.getCamelContext().getRegistry().bind("managementServerFactory", new ManagementServerFactory(access));
        sandbox = embeddedSandbox(main.getCamelContext().getPropertiesComponent());
    }

    /**
     * The management port's access, said in one line; Jolokia facing the network without credentials
     * would let anyone operate every route, so that does not start.
     */
    private static ManagementAccess managementAccess(Settings settings) {
        ManagementAccess access = ManagementAccess.of(settings);
        boolean jolokia = settings.flag("management.jolokia", false);
        if (access.beyondLoopback() && !access.hasCredentials()) {
            if (jolokia) {
                throw new IllegalStateException("management.jolokia is on and the management port faces the network ("
                        + "management.host=" + access.host() + ") without credentials: set management.username and "
                        + "management.password (MANAGEMENT_USERNAME / MANAGEMENT_PASSWORD).");
            }
            LOG.warn("Management port on {}: health and metrics only; on-demand reports and jobs are closed until "
                    + "management.username and management.password are set", access.host());
        } else if (access.guarded()) {
            LOG.info("Management port on {}: health and metrics open; on-demand reports, jobs{} need the "
                    + "management credentials", access.host(), jolokia ? " and Jolokia" : "");
        }
        return access;
    }

    /**
     * With no {@code osticket.url}: starts the sandbox and points {@code osticket.url} and
     * {@code osticket.api-key} at it; null when an osTicket is configured.
     */
    static SandboxServer embeddedSandbox(PropertiesComponent properties) {
        if (!properties.resolveProperty("osticket.url").orElse("").isBlank()) {
            return null;
        }
        String key = properties.resolveProperty("osticket.api-key").filter(k -> !k.isBlank()).orElse(SANDBOX_KEY);
        int port = Integer.parseInt(properties.resolveProperty("sandbox.port").orElse("0").trim());
        boolean plugin = "plugin".equalsIgnoreCase(properties.resolveProperty("sandbox.dialect").orElse("").trim());
        SandboxServer sandbox;
        try {
            sandbox = SandboxServer.start(port, plugin ? SandboxOptions.shippedPlugin(key) : SandboxOptions.withKey(key),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on port " + port + " (sandbox.port)", e);
        }
        String timing = properties.resolveProperty("sandbox.timing").orElse("none").trim();
        if ("realistic".equalsIgnoreCase(timing)) {
            sandbox.timing(TimingProfile.realistic());
        } else if (!"none".equalsIgnoreCase(timing)) {
            sandbox.close();
            throw new GatewayStartupException("sandbox.timing must be none or realistic, not '" + timing + "'");
        }
        properties.addOverrideProperty("osticket.url", sandbox.url());
        properties.addOverrideProperty("osticket.api-key", key);
        LOG.info("No osticket.url set: using the embedded sandbox at {} (API key '{}')", sandbox.url(),
                SANDBOX_KEY.equals(key) ? key : "from osticket.api-key");
        return sandbox;
    }

    @Override
    public void beforeStart(BaseMainSupport main) {
        OsTicketComponent component = main.getCamelContext().getComponent("osticket", OsTicketComponent.class);
        try {
            OsTicketClient client = component.client();
            var page = client.searchTickets(SearchQuery.all().withPage(1, 0));
            LOG.info("osTicket at {} is ready: {} dialect{}", client.settings().baseUrl(), client.dialect(),
                    page.total() == null ? "" : ", " + page.total() + " tickets");
            HealthCheckHelper.getHealthCheckRegistry(main.getCamelContext())
                    .register(new OsTicketHealthCheck(component));
            Settings settings = new Settings(main.getCamelContext().getPropertiesComponent());
            MailSetup.install(main.getCamelContext(), settings);
            CommandSetup.install(main.getCamelContext(), settings);
            EventSetup.install(main.getCamelContext(), settings);
            // After the events: a report counts from their ticket state when they run.
            ReportSetup.install(main.getCamelContext());
            JobSetup.install(main.getCamelContext(), settings, new DepartmentProbe(client));
        } catch (OsTicketException e) {
            stop(main, sentence(e));
        } catch (IllegalStateException | IllegalArgumentException e) {
            stop(main, e.getMessage());
        } catch (Exception e) {
            stop(main, "the gateway could not set itself up: " + e.getMessage());
        }
    }

    /** Stops start-up before any route starts: nothing runs on a configuration known to be wrong. */
    private void stop(BaseMainSupport main, String sentence) {
        failure = sentence;
        LOG.error("Not starting: {}", sentence);
        afterStop(main);
        throw new GatewayStartupException(sentence);
    }

    private static String sentence(OsTicketException e) {
        OsTicketFailure what = e.failure();
        return switch (what) {
            case UNAUTHORIZED -> "osTicket rejected the API key: check osticket.api-key (OSTICKET_API_KEY).";
            case FORBIDDEN -> "The API key lacks a permission the gateway needs (" + e.apiMessage()
                    + "): grant it in osTicket, or change osticket.api-key.";
            case UNREACHABLE -> "osTicket is unreachable at osticket.url (OSTICKET_URL): " + e.apiMessage();
            case NOT_FOUND, UNREADABLE_RESPONSE, NOT_IMPLEMENTED -> "osticket.url (OSTICKET_URL) does not point at "
                    + "an osTicket API with the API Endpoints plugin: " + e.getMessage();
            default -> "osTicket failed the start-up check: " + e.getMessage();
        };
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
