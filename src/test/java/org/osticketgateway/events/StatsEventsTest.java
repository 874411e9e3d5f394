package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

class StatsEventsTest {

    @Test
    void aThresholdIsReportedOncePerCrossing() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            StatsEvents stats = new StatsEvents(client, new MemoryStateRepository(), Clock.systemUTC(), 1);
            List<TicketEvent> first = stats.poll();
            assertThat(first).extracting(TicketEvent::type).containsExactly("osticket.stats.snapshot");
            assertThat(first.get(0).data().at("/global/total").asLong()).isEqualTo(8);

            String late = client.createTicket(NewTicket.of("A", "a@example.com", "Late", "m")
                    .withDepartment("IT Operations").withDueDate("2020-01-01")).number();
            List<TicketEvent> crossed = stats.poll();
            assertThat(crossed).extracting(TicketEvent::type)
                    .containsExactly("osticket.stats.snapshot", "osticket.stats.threshold-crossed");
            assertThat(crossed.get(1).data().get("department").asText()).isEqualTo("IT Operations");
            assertThat(crossed.get(1).data().get("value").asLong()).isEqualTo(2);
            assertThat(stats.poll()).extracting(TicketEvent::type).containsExactly("osticket.stats.snapshot");

            client.updateTicket(TicketRef.ofNumber(late), TicketUpdate.none().withStatus("Closed"));
            assertThat(stats.poll()).extracting(TicketEvent::type)
                    .containsExactly("osticket.stats.snapshot", "osticket.stats.threshold-cleared");
        }
    }
}
