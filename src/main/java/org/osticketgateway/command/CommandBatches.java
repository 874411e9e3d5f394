package org.osticketgateway.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.DefaultMessage;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs a batch of command records from one Kafka poll, more of them in flight than there are
 * partitions: records with the same key (in the same partition) one after another, in order;
 * different keys concurrently on a pool of {@code commands.max-in-flight} threads shared by all
 * consumers. Each record goes through {@code direct:command} (read, check, apply once, retried
 * there through outages). Then the route writes every result and dead letter of the batch in one
 * producer call, and {@link #written} commits each partition below its first unfinished record.
 */
public final class CommandBatches {

    /** The exchange property that carries a batch from {@link #run} to {@link #written}. */
    public static final String BATCH = "CommandBatch";
    /** The properties of a record's exchange where {@code direct:command} keeps its value and leaves its result. */
    public static final String COMMAND = "GatewayCommand";
    public static final String RESULT = "GatewayResult";

    private final ProducerTemplate commands;
    private final ExecutorService pool;
    private final CommandService service;
    private final String resultSource;
    private final String dlqTopic;
    private final MeterRegistry meters;

    public CommandBatches(ProducerTemplate commands, ExecutorService pool, CommandService service,
                          String resultSource, String dlqTopic, MeterRegistry meters) {
        this.commands = commands;
        this.pool = pool;
        this.service = service;
        this.resultSource = resultSource;
        this.dlqTopic = dlqTopic;
        this.meters = meters;
    }

    /**
     * Applies the batch's commands; the body becomes the messages to write (results on the results
     * topic, dead letters with their own topic), in the batch's order.
     */
    public void run(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Exchange> batch = exchange.getMessage().getBody(List.class);
        CommandBatch run = new CommandBatch(batch);
        CompletableFuture.allOf(byKey(batch).stream()
                .map(group -> CompletableFuture.runAsync(() -> applyInOrder(group, run), pool))
                .toArray(CompletableFuture[]::new)).join();
        List<Message> out = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (Exchange record : run.done()) {
            CommandResult result = record.getProperty(RESULT, CommandResult.class);
            if (result == null || !answered.add(result.commandId())) {
                // Already answered: before this batch (the ledger said so), or earlier in it.
                record.removeProperty(RESULT);
                continue;
            }
            if (!result.isApplied()) {
                out.add(deadLetter(exchange, record, result));
            }
            out.add(resultMessage(exchange, record, result));
        }
        exchange.setProperty(BATCH, run);
        exchange.getMessage().setBody(out);
    }

    /**
     * After the batch's messages are written: the ledger marks its commands published, each
     * partition is committed up to its first unfinished record, and a record that failed (not
     * through osTicket: that is retried in place) fails the batch, for the consumer to read again
     * from that record.
     */
    public void written(Exchange exchange) throws Exception {
        CommandBatch run = exchange.getProperty(BATCH, CommandBatch.class);
        for (Exchange record : run.done()) {
            CommandResult result = record.getProperty(RESULT, CommandResult.class);
            if (result != null) {
                service.published(result);
                if (meters != null) {
                    Counter.builder("gateway.commands").description("Command results, by status")
                            .tag("status", result.status().name()).register(meters).increment();
                }
            }
            run.watermark().finished(partition(record), offset(record));
        }
        run.watermark().committable().forEach((partition, next) -> {
            KafkaManualCommit commit = run.record(partition, next - 1).getMessage()
                    .getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit != null) {
                commit.commit();
            }
        });
        if (run.failure() != null) {
            throw run.failure();
        }
    }

    private void applyInOrder(List<Exchange> group, CommandBatch run) {
        for (Exchange record : group) {
            commands.send(record);
            if (record.getException() != null) {
                // The key's later records wait for this one: they are read again with it.
                run.failed(record.getException());
                return;
            }
            run.finished(record);
        }
    }

    /** The batch's records by partition and key, each group in offset order; a record without a key is alone. */
    static List<List<Exchange>> byKey(List<Exchange> batch) {
        Map<Object, List<Exchange>> groups = new LinkedHashMap<>();
        for (Exchange record : batch) {
            Object key = record.getMessage().getHeader(KafkaConstants.KEY);
            Object group = key == null ? record : List.of(partition(record), key);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(record);
        }
        return new ArrayList<>(groups.values());
    }

    private Message deadLetter(Exchange batch, Exchange record, CommandResult result) {
        Message letter = new DefaultMessage(batch);
        letter.setHeaders(new LinkedHashMap<>(record.getMessage().getHeaders()));
        letter.setHeader("dlq_reason", result.reason());
        letter.setHeader("dlq_attempts", CommandRecords.attempts(record));
        letter.setHeader("dlq_command_id", result.commandId());
        letter.setHeader(KafkaConstants.OVERRIDE_TOPIC, dlqTopic);
        letter.setBody(record.getProperty(COMMAND));
        return letter;
    }

    private Message resultMessage(Exchange batch, Exchange record, CommandResult result) {
        Message message = new DefaultMessage(batch);
        Map<String, Object> headers = new LinkedHashMap<>(record.getMessage().getHeaders());
        headers.keySet().removeIf(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith("ce_") || lower.startsWith("dlq_") || lower.equals("content-type");
        });
        message.setHeaders(headers);
        message.setHeader("content-type", "application/cloudevents+json");
        message.setBody(result.toCloudEventJson(resultSource));
        return message;
    }

    static TopicPartition partition(Exchange record) {
        return new TopicPartition(record.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class));
    }

    static long offset(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
    }
}
