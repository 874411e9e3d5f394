package org.osticketgateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** The gateway started as the README starts it: its main class, configuration file and routes. */
class GatewayStartupTest {

    private static GatewayStartup run(String... overrides) throws Exception {
        GatewayStartup startup = new GatewayStartup();
        Main main = Gateway.create("config/application.properties", startup);
        main.addOverrideProperty("camel.main.duration-max-seconds", "1");
        main.addOverrideProperty("management.port", String.valueOf(GatewayTestRun.freePort()));
        for (int i = 0; i < overrides.length; i += 2) {
            main.addOverrideProperty(overrides[i], overrides[i + 1]);
        }
        try {
            main.run();
        } catch (GatewayStartupException e) {
            assertThat(e.getMessage()).isEqualTo(startup.failure());
        }
        return startup;
    }

    @Test
    void withNoSettingItRunsAgainstTheEmbeddedSandbox() throws Exception {
        assertThat(run("sandbox.port", "0").failure()).isNull();
    }

    @Test
    void withTheSandboxSpeakingTheShippedPluginItDetectsAndRuns() throws Exception {
        assertThat(run("sandbox.port", "0", "sandbox.dialect", "plugin").failure()).isNull();
    }

    @Test
    void healthAndMetricsAreOnTheManagementPort() throws Exception {
        int port = GatewayTestRun.freePort();
        GatewayTestRun gateway = GatewayTestRun.start("sandbox.port", "0", "management.port", String.valueOf(port));
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String health = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/observe/health?exposureLevel=full")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"status\":\"UP\"").contains("osticket");
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("osticket_api_calls_seconds_count{operation=\"searchTickets\",status=\"200\"}");
        } finally {
            gateway.stop();
        }
    }

    @Test
    void aMissingSettingStopsStartUpNamingIt() throws Exception {
        GatewayStartup startup = run("sandbox.port", "0", "mail.mailboxes", "support");
        assertThat(startup.failure()).startsWith("mail.support.host is not set");
    }

    @Test
    void aWebhookUrlThatIsNoUrlStopsStartUpWithoutRepeatingIt() throws Exception {
        GatewayStartup startup = run("sandbox.port", "0", "slack.webhook-url", "hooks.slack.com/services/T0/B0/s3cret tok");
        assertThat(startup.failure()).startsWith("slack.webhook-url (SLACK_WEBHOOK_URL) is not an http(s) URL")
                .doesNotContain("s3cret");
    }

    @Test
    void aWrongKeyStopsStartUpWithOneSentenceNamingTheSetting() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("right-key"), false)) {
            GatewayStartup startup = run("osticket.url", sandbox.url(), "osticket.api-key", "wrong-key");
            assertThat(startup.failure())
                    .isEqualTo("osTicket rejected the API key: check osticket.api-key (OSTICKET_API_KEY).");
        }
    }

    @Test
    void anUnreachableOsTicketStopsStartUpNamingTheUrlSetting() throws Exception {
        GatewayStartup startup = run("osticket.url", "http://127.0.0.1:9/api", "osticket.api-key", "k");
        assertThat(startup.failure()).startsWith("osTicket is unreachable at osticket.url (OSTICKET_URL)");
    }
}
