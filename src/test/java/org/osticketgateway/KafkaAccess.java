package org.osticketgateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Clients of a test broker, wherever it runs. */
public interface KafkaAccess {

    String bootstrapServers();

    default void createTopics(int partitions, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            List<NewTopic> all = new ArrayList<>();
            for (String topic : topics) {
                all.add(new NewTopic(topic, partitions, (short) 1));
            }
            admin.createTopics(all).all().get();
        }
    }

    default KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        return new KafkaProducer<>(p);
    }

    /** A consumer of its own group reading the topic from the beginning. */
    default KafkaConsumer<String, byte[]> consumer(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
