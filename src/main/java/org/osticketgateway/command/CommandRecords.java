package org.osticketgateway.command;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/** The Kafka side of a command: where a record came from, how often it was tried, its offset commit. */
public final class CommandRecords {

    /** topic-partition@offset, to name a record that has no command id of its own. */
    static String name(Map<String, Object> headers) {
        return headers.get(KafkaConstants.TOPIC) + "-" + headers.get(KafkaConstants.PARTITION) + "@"
                + headers.get(KafkaConstants.OFFSET);
    }

    /** How many times this record was tried: once, plus each retry (as text, like every header we write). */
    public String attempts(Exchange exchange) {
        Integer retries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return String.valueOf(1 + (retries == null ? 0 : retries));
    }

    /** Commits the record's offset: called only once its result is written. */
    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }
}
