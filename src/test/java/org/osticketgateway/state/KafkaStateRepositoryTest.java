package org.osticketgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.osticketgateway.KafkaBroker;

/**
 * Two gateways on one state topic: what one writes, the other has after {@link
 * KafkaStateRepository#catchUp()} — as a gateway taking over a poller needs it — and a gateway's own
 * newer value is never undone by an older record read back.
 */
class KafkaStateRepositoryTest {

    @Test
    void whatOneGatewayWroteTheOtherHasOnceCaughtUp() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start()) {
            CompactedTopic.ensure("test.state", kafka.bootstrapServers(), "test.state-topic");
            KafkaStateRepository first = new KafkaStateRepository("test.state", kafka.bootstrapServers(),
                    new ConcurrentHashMap<>());
            first.start();
            first.setState("watermark", "2026-12-01T10:00:00Z");
            KafkaStateRepository second = new KafkaStateRepository("test.state", kafka.bootstrapServers(),
                    new ConcurrentHashMap<>());
            second.start();
            assertThat(second.getState("watermark")).isEqualTo("2026-12-01T10:00:00Z");

            for (int i = 0; i < 200; i++) {
                first.setState("watermark", "2026-12-01T10:00:" + String.format("%02d", i % 60) + "." + i + "Z");
                first.setState("seen:" + i, "1");
            }
            second.catchUp();
            assertThat(second.getState("watermark")).isEqualTo(first.getState("watermark"));
            assertThat(second.getState("seen:199")).isEqualTo("1");
            assertThat(first.getState("watermark")).endsWith(".199Z");

            second.setState("watermark", "taken over");
            first.catchUp();
            second.catchUp();
            assertThat(first.getState("watermark")).isEqualTo("taken over");
            assertThat(second.getState("watermark")).isEqualTo("taken over");
            first.stop();
            second.stop();
        }
    }
}
