package org.osticketgateway.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A {@link StateRepository} kept in a compacted Kafka topic: read whole at start into
 * {@code cache}, then followed, so that what other gateways write reaches this one; each change of
 * its own is written through before it counts. {@link #catchUp()} waits until everything written to
 * the topic so far is in the cache: a gateway taking over a poller calls it first and starts from
 * exactly where the last one stopped.
 */
public final class KafkaStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final String topic;
    private final String servers;
    private final Map<String, String> cache;
    /** The offset of this gateway's last write per key: an older record read back must not undo it. */
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> follower;
    private KafkaConsumer<String, String> ends;
    private List<TopicPartition> partitions;
    private Thread following;

    public KafkaStateRepository(String topic, String servers, Map<String, String> cache) {
        this.topic = topic;
        this.servers = servers;
        this.cache = cache;
    }

    public String topic() {
        return topic;
    }

    @Override
    protected void doStart() {
        follower = new KafkaConsumer<>(consumerProperties());
        ends = new KafkaConsumer<>(consumerProperties());
        partitions = follower.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        follower.assign(partitions);
        follower.seekToBeginning(partitions);
        partitions.forEach(p -> positions.put(p, 0L));
        Properties writer = new Properties();
        writer.put("bootstrap.servers", servers);
        writer.put("key.serializer", StringSerializer.class.getName());
        writer.put("value.serializer", StringSerializer.class.getName());
        writer.put("acks", "all");
        writer.put("enable.idempotence", "true");
        producer = new KafkaProducer<>(writer);
        following = new Thread(this::follow, "state-" + topic);
        following.setDaemon(true);
        following.start();
        catchUp();
    }

    private Properties consumerProperties() {
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", servers);
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        consumer.put("enable.auto.commit", "false");
        return consumer;
    }

    private void follow() {
        try {
            while (isStarting() || isStarted()) {
                for (ConsumerRecord<String, String> record : follower.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                for (TopicPartition partition : partitions) {
                    positions.put(partition, follower.position(partition));
                }
                synchronized (positions) {
                    positions.notifyAll();
                }
            }
        } catch (WakeupException stopping) {
            // doStop woke the consumer: the gateway is stopping.
        } finally {
            follower.close();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        Long own = written.get(key);
        if (own != null && record.offset() < own) {
            return;
        }
        if (own != null) {
            written.remove(key, own);
        }
        if (record.value() == null) {
            cache.remove(key);
        } else {
            cache.put(key, record.value());
        }
    }

    /** Waits (up to 30 s) until every record written to the topic before this call is in the cache. */
    public void catchUp() {
        // Leadership can come before the context has started this repository: start it here (once).
        start();
        Map<TopicPartition, Long> end;
        synchronized (ends) {
            end = new HashMap<>(ends.endOffsets(partitions, Duration.ofSeconds(30)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (positions) {
            while (end.entrySet().stream().anyMatch(e -> positions.getOrDefault(e.getKey(), 0L) < e.getValue())) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !following.isAlive()) {
                    throw new IllegalStateException("cannot read the state in Kafka topic " + topic
                            + " to its end within 30 s (kafka.bootstrap-servers=" + servers + ")");
                }
                try {
                    positions.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the state in Kafka topic " + topic, e);
                }
            }
        }
    }

    @Override
    public void setState(String key, String value) {
        try {
            long offset = producer.send(new ProducerRecord<>(topic, key, value)).get().offset();
            written.merge(key, offset, Math::max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving state " + key, e);
        } catch (ExecutionException e) {
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
    protected void doStop() throws InterruptedException {
        if (following != null) {
            follower.wakeup();
            following.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (ends != null) {
            ends.close();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
