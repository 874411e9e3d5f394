package org.osticketgateway.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.cluster.LedRoutes;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.state.StateStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the report definitions, binds the {@code reports} bean the report routes call, and adds
 * one scheduled route per definition from the {@code stats-report-schedule} template in
 * {@code routes/stats-report.yaml}. Runs once before the routes start, after the events' setup: with
 * the events flow on, reports count from its ticket state.
 */
public final class ReportSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSetup.class);

    private ReportSetup() {
    }

    /**
     * A webhook URL that is not one would fail every delivery with an error quoting it; the URL is a
     * secret, so it is refused here, at start, without being repeated.
     */
    private static void requireWebhookUrl(String webhook) {
        if (webhook.isEmpty()) {
            return;
        }
        try {
            URI url = new URI(webhook);
            if (url.getHost() == null || !url.getScheme().matches("https?")) {
                throw new URISyntaxException("(not shown)", "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("slack.webhook-url (SLACK_WEBHOOK_URL) is not an http(s) URL; "
                    + "its value is a secret and is not shown");
        }
    }

    /** Throws {@link IllegalStateException} with a sentence naming the setting when one is wrong. */
    public static void install(CamelContext camel) throws Exception {
        PropertiesComponent properties = camel.getPropertiesComponent();
        Settings settings = new Settings(properties);
        Map<String, ReportDefinition> definitions = ReportDefinitions.load(settings);
        String webhook = settings.text("slack.webhook-url", "");
        requireWebhookUrl(webhook);
        StateRepository<String, String> previous = new StateStores(settings).open("report", "state.store",
                "report-totals.dat", 1024L * 1024, new ConcurrentHashMap<>());
        camel.addService(previous);
        LedRoutes led = LedRoutes.of(camel);
        OsTicketComponent osticket = camel.getComponent("osticket", OsTicketComponent.class);
        ChangeDetector events = settings.flag("events.enabled", false)
                ? camel.getRegistry().lookupByNameAndType("ticketChanges", ChangeDetector.class) : null;
        camel.getRegistry().bind("reports", new ReportService(definitions,
                new ReportBuilder(osticket.client(), events == null ? null : events.states(), Clock.systemUTC()),
                previous,
                !webhook.isEmpty(),
                settings.text("report.email-from", "osticket-gateway@localhost")));
        for (ReportDefinition definition : definitions.values()) {
            led.lead("stats-report-" + definition.name(), "report-" + definition.name(), List.of(previous));
            TemplatedRouteBuilder.builder(camel, "stats-report-schedule")
                    .routeId("stats-report-" + definition.name())
                    .parameter("name", definition.name())
                    .parameter("cron", definition.cron())
                    .parameter("timezone", definition.timezone())
                    .add();
            LOG.info("Report {} scheduled at '{}' ({}) to {}{}", definition.name(), definition.cron(),
                    definition.timezone(), definition.slack() ? (webhook.isEmpty() ? "Slack (no slack.webhook-url: "
                            + "skipped) " : "Slack ") : "", definition.emailTo().isEmpty() ? "" : definition.emailTo());
        }
    }
}
