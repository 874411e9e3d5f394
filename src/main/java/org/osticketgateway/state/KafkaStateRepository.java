package org.osticketgateway.state;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A {@link StateRepository} kept in a compacted Kafka topic: read whole at start into
 * {@code cache}, each change written through before it counts. The gateway that takes over the
 * work (after a failover, on another host) starts from where the last one stopped.
 */
public final class KafkaStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final String topic;
    private final String servers;
    private final Map<String, String> cache;
    private KafkaProducer<String, String> producer;

    public KafkaStateRepository(String topic, String servers, Map<String, String> cache) {
        this.topic = topic;
        this.servers = servers;
        this.cache = cache;
    }

    @Override
    protected void doStart() {
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", servers);
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        consumer.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer)) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        cache.remove(record.key());
                    } else {
                        cache.put(record.key(), record.value());
                    }
                }
            }
        }
        Properties writer = new Properties();
        writer.put("bootstrap.servers", servers);
        writer.put("key.serializer", StringSerializer.class.getName());
        writer.put("value.serializer", StringSerializer.class.getName());
        writer.put("acks", "all");
        writer.put("enable.idempotence", "true");
        producer = new KafkaProducer<>(writer);
    }

    @Override
    public void setState(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving state " + key, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot save state " + key + " to Kafka topic " + topic + ": "
                    + e.getCause().getMessage(), e);
        }
        cache.put(key, value);
    }

    @Override
    public String getState(String key) {
        return cache.get(key);
    }

    @Override
    protected void doStop() {
        if (producer != null) {
            producer.close();
        }
    }
}
