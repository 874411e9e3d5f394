package org.osticketgateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.Settings;

/**
 * Two gateways (two Camel contexts) on one lock folder: the led route runs on one of them only,
 * its health check says which, and when that one stops the other takes the route over. With no
 * cluster service the route runs as always.
 */
class LedRoutesTest {

    @TempDir
    Path root;

    private static CamelContext gateway(String... keyValues) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        PropertiesComponent properties = camel.getPropertiesComponent();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.addOverrideProperty(keyValues[i], keyValues[i + 1]);
        }
        ClusterSetup.install(camel, new Settings(properties));
        LedRoutes.of(camel).lead("poller", "mailbox-support", List.of());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:poll?period=100").routeId("poller").log("polled");
            }
        });
        camel.start();
        return camel;
    }

    private CamelContext member(String name) throws Exception {
        return gateway("cluster.service", "file", "cluster.file.root", root.toString(), "cluster.member", name,
                "cluster.file.interval", "200");
    }

    private static boolean runs(CamelContext camel) {
        return camel.getRouteController().getRouteStatus("poller") == ServiceStatus.Started;
    }

    private static Map<String, Object> leaderCheck(CamelContext camel) {
        HealthCheck.Result result = HealthCheckHelper.invoke(camel).stream()
                .filter(r -> r.getCheck().getId().equals("leader-mailbox-support")).findFirst().orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        return result.getDetails();
    }

    @Test
    void theLedRouteRunsOnOneGatewayAndMovesWhenItStops() throws Exception {
        CamelContext first = member("first");
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(first));
        CamelContext second = member("second");
        try {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> runs(first) && !runs(second));
            assertThat(leaderCheck(first)).containsEntry("leader", true);
            assertThat(leaderCheck(second)).containsEntry("leader", false);

            first.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs(second));
            assertThat(leaderCheck(second)).containsEntry("leader", true);
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void withNoClusterServiceTheRouteRunsAsAlways() throws Exception {
        CamelContext single = gateway();
        try {
            assertThat(runs(single)).isTrue();
            assertThat(HealthCheckHelper.invoke(single).stream().map(r -> r.getCheck().getId()))
                    .noneMatch(id -> id.startsWith("leader-"));
        } finally {
            single.stop();
        }
    }

    @Test
    void aWrongServiceOrAMissingFolderNamesItsKey() {
        assertThatThrownBy(() -> gateway("cluster.service", "zookeeper"))
                .hasMessage("cluster.service must be none, file or kubernetes, not 'zookeeper'");
        assertThatThrownBy(() -> gateway("cluster.service", "file"))
                .hasMessageStartingWith("cluster.file.root is not set");
    }
}
