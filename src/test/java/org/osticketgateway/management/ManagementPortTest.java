package org.osticketgateway.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osticketgateway.GatewayTestRun;

/**
 * The management port facing the network (management.host 0.0.0.0, as in the Dockerfile): each
 * endpoint tried without credentials, with wrong ones and with the right ones.
 */
class ManagementPortTest {

    private static final String RIGHT = basic("ops", "s3cret pass");
    private static final String WRONG = basic("ops", "guess");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void beyondLoopbackOnlyHealthAndMetricsAnswerWithoutTheCredentials() throws Exception {
        int port = GatewayTestRun.freePort();
        GatewayTestRun gateway = GatewayTestRun.start("sandbox.port", "0", "management.port", String.valueOf(port),
                "management.host", "0.0.0.0", "management.username", "ops", "management.password", "s3cret pass",
                "management.jolokia", "true", "report.names", "daily", "report.daily.cron", "0 0 8 ? * MON-FRI");
        try {
            Map<String, HttpRequest.Builder> endpoints = new LinkedHashMap<>();
            endpoints.put("health", get(port, "/observe/health"));
            endpoints.put("metrics", get(port, "/observe/metrics"));
            endpoints.put("report on demand", post(port, "/reports/daily"));
            endpoints.put("job on demand", post(port, "/jobs/nightly"));
            endpoints.put("jolokia", get(port, "/observe/jolokia/version"));
            endpoints.put("jolokia, operating a route", post(port, "/observe/jolokia")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":"
                            + "\"org.apache.camel:context=osticket-gateway,type=routes,name=\\\"commands\\\"\","
                            + "\"operation\":\"stop()\"}")));

            for (var endpoint : endpoints.entrySet()) {
                boolean open = endpoint.getKey().equals("health") || endpoint.getKey().equals("metrics");
                assertThat(status(endpoint.getValue(), null)).as("%s without credentials", endpoint.getKey())
                        .isEqualTo(open ? 200 : 401);
                assertThat(status(endpoint.getValue(), WRONG)).as("%s with wrong credentials", endpoint.getKey())
                        .isEqualTo(open ? 200 : 401);
                // No job is configured: with the credentials, the route itself answers that.
                assertThat(status(endpoint.getValue(), RIGHT)).as("%s with the credentials", endpoint.getKey())
                        .isEqualTo(endpoint.getKey().startsWith("job") ? 404 : 200);
            }
            HttpResponse<String> refused = http.send(post(port, "/reports/daily").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Basic realm="));
            assertThat(refused.body()).doesNotContain("s3cret");
            assertThat(http.send(get(port, "/observe/jolokia/version").header("Authorization", RIGHT).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"agent\"");
            // Hawtio sees the routes; the JVM's diagnostic commands stay closed even with the credentials.
            assertThat(http.send(get(port, "/observe/jolokia/read/org.apache.camel:context=osticket-gateway,"
                    + "type=routes,name=%22ticket-events%22/State").header("Authorization", RIGHT).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\":200");
            assertThat(http.send(get(port, "/observe/jolokia/exec/com.sun.management:type=DiagnosticCommand/"
                    + "vmSystemProperties").header("Authorization", RIGHT).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\":403");
        } finally {
            gateway.stop();
        }
    }

    @Test
    void beyondLoopbackWithoutCredentialsReportsOnDemandAreClosed() throws Exception {
        int port = GatewayTestRun.freePort();
        GatewayTestRun gateway = GatewayTestRun.start("sandbox.port", "0", "management.port", String.valueOf(port),
                "management.host", "0.0.0.0", "report.names", "daily", "report.daily.cron", "0 0 8 ? * MON-FRI");
        try {
            assertThat(status(get(port, "/observe/health"), null)).isEqualTo(200);
            assertThat(status(post(port, "/reports/daily"), null)).isEqualTo(401);
            assertThat(status(post(port, "/reports/daily"), RIGHT)).isEqualTo(401);
            assertThat(status(post(port, "/jobs/nightly"), RIGHT)).isEqualTo(401);
        } finally {
            gateway.stop();
        }
    }

    @Test
    void jolokiaFacingTheNetworkWithoutCredentialsDoesNotStart() {
        assertThatThrownBy(() -> GatewayTestRun.start("sandbox.port", "0",
                "management.port", String.valueOf(GatewayTestRun.freePort()), "management.host", "0.0.0.0",
                "management.jolokia", "true"))
                .hasMessage("management.jolokia is on and the management port faces the network "
                        + "(management.host=0.0.0.0) without credentials: set management.username and "
                        + "management.password (MANAGEMENT_USERNAME / MANAGEMENT_PASSWORD).");
    }

    @Test
    void halfSetCredentialsNameTheMissingKey() {
        assertThatThrownBy(() -> GatewayTestRun.start("sandbox.port", "0",
                "management.port", String.valueOf(GatewayTestRun.freePort()), "management.username", "ops"))
                .hasMessageStartingWith("management.password (MANAGEMENT_PASSWORD) is not set");
    }

    private int status(HttpRequest.Builder request, String authorization) throws Exception {
        HttpRequest.Builder copy = request.copy();
        if (authorization != null) {
            copy.header("Authorization", authorization);
        }
        return http.send(copy.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest.Builder get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpRequest.Builder post(int port, String path) {
        return get(port, path).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
