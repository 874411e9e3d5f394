package org.osticketgateway.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's records while their commands run: which are done (a result, or none needed), the first
 * failure, and where each partition may be committed once the results are written.
 */
final class CommandBatch {

    private final List<Exchange> records;
    private final Map<TopicPartition, Map<Long, Exchange>> byOffset = new HashMap<>();
    private final Set<Exchange> done = ConcurrentHashMap.newKeySet();
    private final CommitWatermark watermark = new CommitWatermark();
    private volatile Exception failure;

    CommandBatch(List<Exchange> records) {
        this.records = records;
        for (Exchange record : records) {
            TopicPartition partition = CommandBatches.partition(record);
            long offset = CommandBatches.offset(record);
            byOffset.computeIfAbsent(partition, p -> new HashMap<>()).put(offset, record);
            watermark.received(partition, offset);
        }
    }

    void finished(Exchange record) {
        done.add(record);
    }

    synchronized void failed(Exception e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** The records whose commands are done, in the batch's order. */
    List<Exchange> done() {
        return records.stream().filter(done::contains).toList();
    }

    Exception failure() {
        return failure;
    }

    CommitWatermark watermark() {
        return watermark;
    }

    Exchange record(TopicPartition partition, long offset) {
        return byOffset.get(partition).get(offset);
    }
}
