package org.osticketgateway.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.osticketgateway.KafkaAccess;
import org.osticketgateway.command.Commands;

/**
 * The floor for a command's latency: the shortest Kafka loop that does the same work — poll a
 * command, post its create with the plain client, write a result, commit synchronously — one record
 * at a time, on topics of its own. What the gateway takes beyond it is the gateway's own.
 */
final class PlainKafkaBridge implements AutoCloseable {

    static final String COMMANDS = "bench.bridge.commands";
    static final String RESULTS = "bench.bridge.results";

    private final Thread loop;
    private volatile boolean running = true;
    private volatile Exception failure;

    PlainKafkaBridge(KafkaAccess kafka, PlainHttpClient http) throws Exception {
        kafka.createTopics(1, COMMANDS, RESULTS);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", "bench-bridge");
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        loop = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> commands = new KafkaConsumer<>(p);
                 KafkaProducer<String, byte[]> results = kafka.producer()) {
                commands.subscribe(List.of(COMMANDS));
                while (running) {
                    ConsumerRecords<String, byte[]> polled = commands.poll(Duration.ofMillis(100));
                    for (ConsumerRecord<String, byte[]> command : polled) {
                        http.createJson(Commands.json(command.value()).get("data").toString());
                        results.send(new ProducerRecord<>(RESULTS, command.key(),
                                "{\"status\":\"applied\"}".getBytes(StandardCharsets.UTF_8))).get();
                    }
                    if (!polled.isEmpty()) {
                        commands.commitSync();
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }, "plain-kafka-bridge");
        loop.start();
    }

    /** The command for the bridge: the gateway's create, on the bridge's topic. */
    static ProducerRecord<String, byte[]> create(String id) {
        ProducerRecord<String, byte[]> command = Commands.structured(id, id, "osticket.ticket.create",
                CommandBench.createData(id));
        return new ProducerRecord<>(COMMANDS, null, command.key(), command.value(), command.headers());
    }

    @Override
    public void close() throws InterruptedException, ExecutionException {
        running = false;
        loop.join();
        if (failure != null) {
            throw new ExecutionException("the plain Kafka bridge failed", failure);
        }
    }
}
