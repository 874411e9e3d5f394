package org.osticketgateway.command;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/** The Kafka side of a command: where a record came from and how often it was tried. */
final class CommandRecords {

    private CommandRecords() {
    }

    /** topic-partition@offset, to name a record that has no command id of its own. */
    static String name(Map<String, Object> headers) {
        return headers.get(KafkaConstants.TOPIC) + "-" + headers.get(KafkaConstants.PARTITION) + "@"
                + headers.get(KafkaConstants.OFFSET);
    }

    /** How many times this record was tried: once, plus each retry (as text, like every header we write). */
    static String attempts(Exchange exchange) {
        Integer retries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return String.valueOf(1 + (retries == null ? 0 : retries));
    }
}
