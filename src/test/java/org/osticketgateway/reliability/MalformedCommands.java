package org.osticketgateway.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.osticketgateway.command.Commands;

/**
 * Commands no gateway should apply, of every kind producers get wrong: not JSON, not a CloudEvent,
 * the wrong types, too big, unknown fields, strings meant to break what reads them. Each record's
 * key is {@code bad-<kind>-<n>}, so that where it ended can be counted by kind.
 */
final class MalformedCommands {

    private static final String CREATE = "osticket.ticket.create";
    private static final String VALID = "{\"name\":\"Ann\",\"email\":\"ann@example.org\",\"subject\":\"S\",\"message\":\"M\"}";
    private static final String[] INJECTIONS = {"'; DROP TABLE ost_ticket;--", "${jndi:ldap://127.0.0.1:1/a}",
        "<script>alert(1)</script>", "{{7*7}}", "../../../../etc/passwd", "\r\nBcc: victim@example.com",
        "1' OR '1'='1", "%00%0d%0a", "$(rm -rf /)"};

    /** A kind of mistake and how to make the n-th record of it. */
    record Kind(String name, BiFunction<String, Integer, ProducerRecord<String, byte[]>> make) {
    }

    private final Random random;
    private final List<Kind> kinds = new ArrayList<>();

    MalformedCommands(Random random) {
        this.random = random;
        kind("broken-json", (k, n) -> raw(k, n, "{\"specversion\":\"1.0\",\"id\":\"bad-" + n + "\",\"type\":\"" + CREATE
                + "\",\"data\":{\"name\":\"A\""));
        kind("random-bytes", (k, n) -> raw(k, n, bytes(64 + n % 200)));
        kind("empty-value", (k, n) -> raw(k, n, new byte[0]));
        kind("tombstone", (k, n) -> raw(k, n, (byte[]) null));
        kind("no-id", (k, n) -> raw(k, n, "{\"specversion\":\"1.0\",\"source\":\"/t\",\"type\":\"" + CREATE + "\",\"data\":"
                + VALID + "}"));
        kind("wrong-specversion", (k, n) -> raw(k, n, "{\"specversion\":\"0.3\",\"id\":\"" + key(k, n)
                + "\",\"source\":\"/t\",\"type\":\"" + CREATE + "\",\"data\":" + VALID + "}"));
        kind("unknown-type", (k, n) -> structured(k, n, "osticket.ticket.explode", VALID));
        kind("wrong-types", (k, n) -> structured(k, n, CREATE,
                "{\"name\":1,\"email\":[\"a\"],\"subject\":{},\"message\":true}"));
        kind("missing-fields", (k, n) -> structured(k, n, CREATE, "{\"name\":\"Ann\"}"));
        kind("data-not-object", (k, n) -> structured(k, n, CREATE, "\"create a ticket please\""));
        kind("huge-strings", (k, n) -> structured(k, n, CREATE, "{\"name\":\"" + "A".repeat(400_000)
                + "\",\"email\":\"ann@example.org\",\"subject\":\"S\",\"message\":\"M\"}"));
        kind("unknown-fields", (k, n) -> structured(k, n, CREATE, VALID.replace("}", ",\"admin\":true}")));
        kind("injection-in-type", (k, n) -> structured(k, n, CREATE + injection(n), VALID));
        kind("injection-in-email", (k, n) -> structured(k, n, CREATE,
                VALID.replace("ann@example.org", "ann@example.org" + json(injection(n)))));
        kind("injection-in-reference", (k, n) -> structured(k, n, "osticket.ticket.delete",
                "{\"ticket\":{\"number\":\"" + json(injection(n)) + "\"}}"));
        kind("binary-without-headers", (k, n) -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Commands.TOPIC, key(k, n),
                    VALID.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            return record;
        });
        kind("unstorable-id", (k, n) -> structured(k, n, CREATE, "{\"name\":\"Ann\"}",
                "id=with\\nbreak=" + n + "\\r"));
        kind("id-too-long", (k, n) -> structured(k, n, CREATE, VALID, "x".repeat(201) + n));
    }

    List<Kind> kinds() {
        return kinds;
    }

    /** {@code count} records, the kinds taken in turn. */
    List<ProducerRecord<String, byte[]>> records(int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = kinds.get(i % kinds.size());
            records.add(kind.make().apply(kind.name(), i));
        }
        return records;
    }

    static String kindOf(String key) {
        return key.substring("bad-".length(), key.lastIndexOf('-'));
    }

    private void kind(String name, BiFunction<String, Integer, ProducerRecord<String, byte[]>> make) {
        kinds.add(new Kind(name, make));
    }

    private static ProducerRecord<String, byte[]> raw(String kind, int n, String value) {
        return raw(kind, n, value.getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> raw(String kind, int n, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Commands.TOPIC, key(kind, n), value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ProducerRecord<String, byte[]> structured(String kind, int n, String type, String data) {
        return structured(kind, n, type, data, key(kind, n));
    }

    private static ProducerRecord<String, byte[]> structured(String kind, int n, String type, String data, String id) {
        return Commands.structured(key(kind, n), id, json(type), data);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String injection(int n) {
        return INJECTIONS[n % INJECTIONS.length];
    }

    private static String key(String kind, int n) {
        return "bad-" + kind + "-" + n;
    }

    /** The string as it goes between JSON quotes. */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
    }
}
