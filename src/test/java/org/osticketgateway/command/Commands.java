package org.osticketgateway.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Commands as producers put them on Kafka, and the results read back. */
public final class Commands {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String TOPIC = "osticket.commands";
    public static final String RESULTS = "osticket.command-results";
    public static final String DLQ = "osticket.commands.dlq";

    private Commands() {
    }

    /** Structured mode: the whole CloudEvent as the value. */
    public static ProducerRecord<String, byte[]> structured(String key, String id, String type, String data) {
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/tests\",\"type\":\"" + type
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, event.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Binary mode: attributes as ce_* headers, the data as the value. */
    public static ProducerRecord<String, byte[]> binary(String key, String id, String type, String data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, data.getBytes(StandardCharsets.UTF_8));
        for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", id}, {"ce_source", "/tests"},
                {"ce_type", type}, {"content-type", "application/json"}}) {
            record.headers().add(new RecordHeader(header[0], header[1].getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    public static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Results by command id (a list, so that a second result for one id shows). */
    public static Map<String, List<JsonNode>> byCommand(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<JsonNode>> results = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = json(record.value());
            results.computeIfAbsent(event.at("/data/commandId").asText(), k -> new ArrayList<>()).add(event.get("data"));
        }
        return results;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
