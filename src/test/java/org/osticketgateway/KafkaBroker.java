package org.osticketgateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/** A real single-node Kafka broker (KRaft) in this JVM, from Kafka's own test kit, for tests. */
public final class KafkaBroker implements KafkaAccess, AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaBroker(cluster);
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Everything that arrived so far, appended to {@code into}; returns {@code into}. */
    public static <K, V> List<ConsumerRecord<K, V>> drain(KafkaConsumer<K, V> consumer,
                                                        List<ConsumerRecord<K, V>> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(into::add);
        return into;
    }

    /** Topics, keys, headers and values as text, to search records for what must not be in them. */
    public static String text(List<ConsumerRecord<String, byte[]>> records) {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : records) {
            text.append(record.topic()).append(' ').append(record.key()).append('\n');
            for (Header header : record.headers()) {
                text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.ISO_8859_1))
                        .append('\n');
            }
            if (record.value() != null) {
                text.append(new String(record.value(), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
