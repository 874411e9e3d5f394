package org.osticketgateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitWatermarkTest {

    private static final TopicPartition P0 = new TopicPartition("osticket.commands", 0);
    private static final TopicPartition P1 = new TopicPartition("osticket.commands", 1);

    private final CommitWatermark watermark = new CommitWatermark();

    private void received(TopicPartition partition, long... offsets) {
        for (long offset : offsets) {
            watermark.received(partition, offset);
        }
    }

    @Test
    void nothingIsCommittableWhileTheFirstRecordIsUnfinished() {
        received(P0, 10, 11, 12);
        watermark.finished(P0, 11);
        watermark.finished(P0, 12);

        assertThat(watermark.committable()).isEmpty();
    }

    @Test
    void theCommitStopsAtTheLowestUnfinishedRecord() {
        received(P0, 10, 11, 12, 13);
        watermark.finished(P0, 10);
        watermark.finished(P0, 12);
        watermark.finished(P0, 13);

        assertThat(watermark.committable()).isEqualTo(Map.of(P0, 11L));
    }

    @Test
    void aWhollyFinishedPartitionCommitsPastItsLastRecord() {
        received(P0, 10, 11);
        watermark.finished(P0, 11);
        watermark.finished(P0, 10);

        assertThat(watermark.committable()).isEqualTo(Map.of(P0, 12L));
    }

    @Test
    void eachPartitionHasItsOwnWatermark() {
        received(P0, 5, 6);
        received(P1, 40, 41, 42);
        watermark.finished(P0, 5);
        watermark.finished(P0, 6);
        watermark.finished(P1, 41);

        assertThat(watermark.committable()).isEqualTo(Map.of(P0, 7L));
        watermark.finished(P1, 40);
        assertThat(watermark.committable()).isEqualTo(Map.of(P0, 7L, P1, 42L));
    }

    @Test
    void aRecordNotInTheBatchOrFinishedTwiceIsABug() {
        received(P0, 1);
        watermark.finished(P0, 1);

        assertThatThrownBy(() -> watermark.finished(P0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> watermark.finished(P1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
