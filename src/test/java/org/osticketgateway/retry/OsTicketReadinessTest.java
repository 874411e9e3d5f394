package org.osticketgateway.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.sandbox.Permission;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

class OsTicketReadinessTest {

    @Test
    void aRefusalIsAnAnswer() throws Exception {
        // A key without the stats permission may not read the statuses: osTicket still answers.
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("full")
                .withApiKey("no-stats", Set.of(Permission.CAN_READ_TICKETS)), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "no-stats"))) {
            assertThat(new OsTicketReadiness(client, new MovableClock()).getAsBoolean()).isTrue();
        }
    }

    @Test
    void aNoIsKeptForFiveSecondsFromWhenItCameAndAYesNever() throws Exception {
        MovableClock clock = new MovableClock();
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.shippedPlugin("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            OsTicketReadiness readiness = new OsTicketReadiness(client, clock);
            assertThat(readiness.getAsBoolean()).isTrue();
            sandbox.goOffline();
            assertThat(readiness.getAsBoolean()).as("a yes is not kept").isFalse();
            sandbox.comeBack();
            assertThat(readiness.getAsBoolean()).as("a no is kept").isFalse();
            clock.advance(Duration.ofSeconds(6));
            assertThat(readiness.getAsBoolean()).isTrue();
        }
    }
}
