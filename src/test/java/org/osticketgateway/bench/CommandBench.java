package org.osticketgateway.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.osticketgateway.KafkaBroker;
import org.osticketgateway.command.Commands;

/**
 * The commands benchmark's moves against one running gateway: creates through Kafka and through a
 * plain client, latency one at a time, and the API calls each command type costs (read from the
 * gateway's {@code /observe/metrics}).
 */
final class CommandBench {

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> results;
    private final PlainHttpClient plain;
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    CommandBench(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> results, PlainHttpClient plain,
                 int managementPort) {
        this.producer = producer;
        this.results = results;
        this.plain = plain;
        this.metrics = URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics");
    }

    static String createData(String id) {
        return "{\"name\":\"Bench\",\"email\":\"bench@example.com\",\"subject\":\"Bench " + id
                + "\",\"message\":\"A benchmark ticket.\"}";
    }

    /** {@code count} creates through Kafka and the gateway, all sent at once; the nanoseconds until the last result. */
    long gatewayCreates(String prefix, int count) {
        KafkaBroker.drain(results, seen);
        long start = System.nanoTime();
        run(count, i -> Commands.structured(prefix + "-" + i, prefix + "-" + i, "osticket.ticket.create",
                createData(prefix + "-" + i)));
        return System.nanoTime() - start;
    }

    /** Sends {@code count} commands and waits for their results; returns the results' data in arrival order. */
    List<JsonNode> run(int count, IntFunction<ProducerRecord<String, byte[]>> command) {
        // Not drained here: a poll with nothing to read would wait inside the measured time.
        int before = seen.size();
        for (int i = 0; i < count; i++) {
            producer.send(command.apply(i));
        }
        producer.flush();
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(5))
                .until(() -> KafkaBroker.drain(results, seen).size() >= before + count);
        return seen.subList(before, before + count).stream().map(r -> Commands.json(r.value()).get("data")).toList();
    }

    /** {@code count} creates by the plain client on {@code threads} threads; returns the nanoseconds it took. */
    static long plainCreates(PlainHttpClient plain, String prefix, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += threads) {
                        plain.createJson(createData(prefix + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    /** Milliseconds from sending one create to reading its result, one at a time. */
    List<Double> gatewayLatency(String prefix, int samples) {
        return latency(results, seen, samples, i -> Commands.structured(prefix + "-" + i, prefix + "-" + i,
                "osticket.ticket.create", createData(prefix + "-" + i)));
    }

    /** The same through {@link PlainKafkaBridge}, whose results {@code bridgeResults} reads. */
    List<Double> bridgeLatency(KafkaConsumer<String, byte[]> bridgeResults, String prefix, int samples) {
        return latency(bridgeResults, new ArrayList<>(), samples, i -> PlainKafkaBridge.create(prefix + "-" + i));
    }

    private List<Double> latency(KafkaConsumer<String, byte[]> answers, List<ConsumerRecord<String, byte[]>> read,
                                 int samples, IntFunction<ProducerRecord<String, byte[]>> command) {
        KafkaBroker.drain(answers, read);
        List<Double> latency = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            int before = read.size();
            producer.send(command.apply(i));
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> KafkaBroker.drain(answers, read).size() > before);
            latency.add((System.nanoTime() - start) / 1e6);
        }
        return latency;
    }

    /** Milliseconds of one plain create, one at a time. */
    List<Double> plainLatency(String prefix, int samples) throws IOException {
        List<Double> latency = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            plain.createJson(createData(prefix + "-" + i));
            latency.add((System.nanoTime() - start) / 1e6);
        }
        return latency;
    }

    /** The gateway's API calls so far, all operations and statuses. */
    double apiCalls() throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith("osticket_api_calls_seconds_count{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** API calls per command of each type, {@code count} commands of each on tickets made for them. */
    Map<String, Double> callsPerCommandType(int count) throws Exception {
        Map<String, Double> calls = new LinkedHashMap<>();
        List<String> tickets = new ArrayList<>();
        calls.put("osticket.ticket.create", measure(count, data -> tickets.add(data.at("/result/number").asText()),
                i -> command("calls-create-" + i, "osticket.ticket.create", createData("calls-" + i))));
        calls.put("osticket.ticket.create with fetchTicket", measure(count, data -> { },
                i -> command("calls-fetch-" + i, "osticket.ticket.create",
                        createData("calls-fetch-" + i).replaceFirst("\\}$", ",\"fetchTicket\":true}"))));
        calls.put("osticket.ticket.get", measure(count, data -> { },
                i -> command("calls-get-" + i, "osticket.ticket.get", ref("ticket", tickets.get(i)))));
        calls.put("osticket.ticket.update", measure(count, data -> { },
                i -> command("calls-update-" + i, "osticket.ticket.update", "{\"ticket\":{\"number\":\""
                        + tickets.get(i) + "\"},\"changes\":{\"note\":\"benchmark note\"}}")));
        int pairs = count / 2;
        calls.put("osticket.subticket.link", measure(pairs, data -> { },
                i -> command("calls-link-" + i, "osticket.subticket.link", "{\"parent\":{\"number\":\""
                        + tickets.get(i) + "\"},\"child\":{\"number\":\"" + tickets.get(pairs + i) + "\"}}")));
        calls.put("osticket.subticket.unlink", measure(pairs, data -> { },
                i -> command("calls-unlink-" + i, "osticket.subticket.unlink", ref("child", tickets.get(pairs + i)))));
        calls.put("osticket.ticket.delete", measure(count, data -> { },
                i -> command("calls-delete-" + i, "osticket.ticket.delete", ref("ticket", tickets.get(i)))));
        return calls;
    }

    private double measure(int count, Consumer<JsonNode> eachResult,
                           IntFunction<ProducerRecord<String, byte[]>> command) throws Exception {
        KafkaBroker.drain(results, seen);
        double before = apiCalls();
        for (JsonNode data : run(count, command)) {
            if (!"applied".equals(data.path("status").asText())) {
                throw new IllegalStateException("a benchmark command was not applied: " + data);
            }
            eachResult.accept(data);
        }
        return (apiCalls() - before) / count;
    }

    private static ProducerRecord<String, byte[]> command(String id, String type, String data) {
        return Commands.structured(id, id, type, data);
    }

    private static String ref(String field, String number) {
        return "{\"" + field + "\":{\"number\":\"" + number + "\"}}";
    }
}
