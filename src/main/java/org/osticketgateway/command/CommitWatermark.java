package org.osticketgateway.command;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offset each partition of a batch may commit while its commands finish out of order: the
 * lowest offset not yet finished, or one past the batch's last record once all are. A crash then
 * redelivers exactly the records from the first unfinished one on; those after it that had finished
 * are known to the ledger and take effect once. Used by one thread at a time.
 */
final class CommitWatermark {

    private final Map<TopicPartition, TreeSet<Long>> unfinished = new HashMap<>();
    private final Map<TopicPartition, Long> end = new HashMap<>();
    private final Map<TopicPartition, Long> start = new HashMap<>();

    void received(TopicPartition partition, long offset) {
        unfinished.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        end.merge(partition, offset + 1, Math::max);
        start.merge(partition, offset, Math::min);
    }

    /** The record's result is written (or it needed none). */
    void finished(TopicPartition partition, long offset) {
        TreeSet<Long> open = unfinished.get(partition);
        if (open == null || !open.remove(offset)) {
            throw new IllegalArgumentException(partition + "@" + offset + " is not an unfinished record of this batch");
        }
    }

    /**
     * The offset to commit per partition (Kafka's "next record to read"), for the partitions where it
     * moved: a partition whose first record is not finished has nothing to commit yet.
     */
    Map<TopicPartition, Long> committable() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        end.forEach((partition, next) -> {
            TreeSet<Long> open = unfinished.get(partition);
            long watermark = open.isEmpty() ? next : open.first();
            if (watermark > start.get(partition)) {
                offsets.put(partition, watermark);
            }
        });
        return offsets;
    }
}
