package org.osticketgateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.osticketgateway.KafkaBroker;

/** Two gateways sharing the ledger on Kafka: what one published, the other never applies again. */
class CommandLedgerTest {

    @Test
    void aCommandPublishedByOneGatewayIsKnownToAnother() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(); CamelContext camel = new DefaultCamelContext()) {
            kafka.createTopics(1, "osticket.command-ledger");
            camel.start();
            KafkaIdempotentRepository first = new KafkaIdempotentRepository("osticket.command-ledger",
                    kafka.bootstrapServers(), 1000, 100);
            KafkaIdempotentRepository second = new KafkaIdempotentRepository("osticket.command-ledger",
                    kafka.bootstrapServers(), 1000, 100);
            first.setStartupOnly(false);
            second.setStartupOnly(false);
            // As in the gateway: the repositories run as services of the Camel context, which stops them.
            camel.addService(first);
            camel.addService(second);
            CommandLedger a = new CommandLedger(new MemoryStateRepository(), first);
            CommandLedger b = new CommandLedger(new MemoryStateRepository(), second);
            a.started("cmd-1", Instant.now());
            assertThat(b.isPublished("cmd-1")).isFalse();
            a.published("cmd-1");
            await().atMost(Duration.ofSeconds(20)).until(() -> b.isPublished("cmd-1"));
            assertThat(a.startedBefore("cmd-1")).isNull();
        }
    }
}
