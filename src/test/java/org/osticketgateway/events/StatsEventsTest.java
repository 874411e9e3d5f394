package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Path;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

class StatsEventsTest {

    @TempDir
    Path data;

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

    @Test
    void fromThePollersStateTheyCountAsOfItsLastPoll() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            Map<String, String> view = new ConcurrentHashMap<>();
            FileStateRepository pollerState = new FileStateRepository(data.resolve("events.dat").toFile(), view);
            pollerState.start();
            ChangeDetector detector = new ChangeDetector(client, pollerState, view, Clock.systemUTC(),
                    Duration.ofSeconds(2), "now", FirstReadPace.unpaced());
            StatsEvents stats = new StatsEvents(detector.states(), new MemoryStateRepository(), Clock.systemUTC(), 1);
            assertThat(stats.poll()).as("nothing known before the first poll").isEmpty();

            detector.poll(e -> { });
            client.createTicket(NewTicket.of("A", "a@example.com", "Late", "m").withDepartment("IT Operations")
                    .withDueDate("2020-01-01"));
            List<TicketEvent> before = stats.poll();
            assertThat(before.get(0).data().at("/global/total").asLong()).as("as of the last poll, not osTicket's 9")
                    .isEqualTo(8);
            detector.poll(e -> { });
            List<TicketEvent> after = stats.poll();
            assertThat(after).extracting(TicketEvent::type)
                    .containsExactly("osticket.stats.snapshot", "osticket.stats.threshold-crossed");
            assertThat(after.get(0).data().at("/global/total").asLong()).isEqualTo(9);
            assertThat(after.get(1).data().get("value").asLong()).isEqualTo(2);
            pollerState.stop();
        }
    }
}
