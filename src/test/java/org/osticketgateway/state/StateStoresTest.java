package org.osticketgateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;
import org.osticketgateway.Settings;

/** Files for one gateway, Kafka for a cluster, a flow's own key first; a wrong value names its key. */
class StateStoresTest {

    private static String kind(String key, String... keyValues) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PropertiesComponent properties = camel.getPropertiesComponent();
            for (int i = 0; i < keyValues.length; i += 2) {
                properties.addOverrideProperty(keyValues[i], keyValues[i + 1]);
            }
            return new StateStores(new Settings(properties)).kind(key);
        }
    }

    @Test
    void oneGatewayKeepsFilesAndAClusterKafkaUnlessAKeySaysOtherwise() throws Exception {
        assertThat(kind("state.store")).isEqualTo("file");
        assertThat(kind("events.state")).isEqualTo("file");
        assertThat(kind("state.store", "cluster.service", "file")).isEqualTo("kafka");
        assertThat(kind("commands.ledger", "cluster.service", "kubernetes")).isEqualTo("kafka");
        assertThat(kind("events.state", "cluster.service", "file", "events.state", "file")).isEqualTo("file");
        assertThat(kind("events.state", "state.store", "kafka")).isEqualTo("kafka");
    }

    @Test
    void aWrongValueNamesTheKeyItCameFrom() {
        assertThatThrownBy(() -> kind("events.state", "events.state", "redis"))
                .hasMessage("events.state must be file or kafka, not 'redis'");
        assertThatThrownBy(() -> kind("events.state", "state.store", "disk"))
                .hasMessage("state.store must be file or kafka, not 'disk'");
    }
}
