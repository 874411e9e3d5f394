package org.osticketgateway.command;

import java.util.Map;
import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands consumer's offset commits, sent without waiting for the broker's answer (camel-kafka's
 * own asynchronous commits, in batching mode, commit only on a rebalance). A synchronous commit held
 * the next batch up for a broker round trip — most of what a lone command added to its latency. A
 * commit lost to a crash redelivers the commands after the last one that arrived: the ledger applies
 * them once and writes no second result, as for any redelivery. A failed commit is logged; the
 * partition's next commit supersedes it.
 */
public final class AsyncOffsetCommitFactory implements KafkaManualCommitFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncOffsetCommitFactory.class);

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record,
                                         CommitManager commitManager) {
        return new AsyncCommit(exchange, record);
    }

    private static final class AsyncCommit extends DefaultKafkaManualCommit {

        AsyncCommit(CamelExchangePayload exchange, KafkaRecordPayload record) {
            super(exchange, record);
        }

        @Override
        public void commit() {
            TopicPartition partition = getPartition();
            getCamelExchangePayload().consumer.commitAsync(
                    Map.of(partition, new OffsetAndMetadata(getRecordOffset() + 1)), (offsets, failure) -> {
                        if (failure != null) {
                            LOG.warn("Could not commit {} up to offset {} ({}): a restart before its next commit "
                                    + "reads those commands again, and the ledger applies each once", partition,
                                    getRecordOffset() + 1, failure.getMessage());
                        }
                    });
        }
    }
}
