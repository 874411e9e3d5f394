package org.osticketgateway.state;

import java.io.File;
import java.util.Map;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.osticketgateway.Settings;

/**
 * Where a flow keeps what it must know to go on: files in {@code gateway.data-dir} (one gateway), or
 * compacted Kafka topics ({@code state.store=kafka}, the default when {@code cluster.service} is set),
 * which every gateway of a cluster reads, so the one taking over a poller resumes where the last one
 * stopped. A flow's own key ({@code events.state}, {@code commands.ledger}) overrides the choice for it.
 */
public final class StateStores {

    private final Settings settings;

    public StateStores(Settings settings) {
        this.settings = settings;
    }

    /** file or kafka, as {@code key} says, else as {@code state.store} says, else by cluster.service. */
    public String kind(String key) {
        String clustered = settings.text("cluster.service", "none").equals("none") ? "file" : "kafka";
        String own = settings.text(key, "");
        String named = own.isEmpty() ? "state.store" : key;
        String kind = own.isEmpty() ? settings.text("state.store", clustered) : own;
        if (!kind.equals("file") && !kind.equals("kafka")) {
            throw new IllegalStateException(named + " must be file or kafka, not '" + kind + "'");
        }
        return kind;
    }

    public boolean inKafka(String key) {
        return kind(key).equals("kafka");
    }

    /**
     * The state of one flow: {@code <gateway.data-dir>/<file>}, or the compacted topic named by
     * {@code <area>.state-topic} (default {@code osticket.<area>-state}), made when missing.
     * {@code fileSize} caps the file. Not started.
     */
    public StateRepository<String, String> open(String area, String kindKey, String file, long fileSize,
            Map<String, String> cache) {
        if (inKafka(kindKey)) {
            return kafka(area, cache);
        }
        FileStateRepository state = new FileStateRepository(new File(settings.text("gateway.data-dir", "data"), file),
                cache);
        state.setMaxFileStoreSize(fileSize);
        return state;
    }

    /** The compacted topic named by {@code <area>.state-topic}, made when missing. Not started. */
    public KafkaStateRepository kafka(String area, Map<String, String> cache) {
        String key = area + ".state-topic";
        String topic = settings.text(key, "osticket." + area + "-state");
        String servers = settings.text("kafka.bootstrap-servers", "localhost:9092");
        CompactedTopic.ensure(topic, servers, key);
        return new KafkaStateRepository(topic, servers, cache);
    }
}
