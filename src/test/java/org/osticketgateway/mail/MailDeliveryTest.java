package org.osticketgateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.retry.FlowHealth;
import org.osticketgateway.retry.RetryBudget;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

/** A mail taken again after the gateway died mid-call is found in osTicket, not written twice. */
class MailDeliveryTest {

    // Gmail's Message-IDs hold "=", which a file repository refuses in a key.
    private static final String KEY = "<CAF=x+y@mail.gmail.com>";

    @TempDir
    Path data;

    private MailDelivery delivery(OsTicketClient client) throws Exception {
        FileStateRepository started = FileStateRepository.fileStateRepository(new File(data.toFile(), "started.dat"));
        started.start();
        RetryBudget retries = new RetryBudget("mail", "Mail", 5, () -> true,
                new FlowHealth("mail", Duration.ofMinutes(5), Clock.systemUTC()), null);
        return new MailDelivery(started, client, retries, Clock.systemUTC());
    }

    @Test
    void aCreateRepeatedAfterACrashFindsTheTicketItMade() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            NewTicket ticket = NewTicket.of("Ann", "ann@example.org", "Printer on fire", "It burns.");
            String first = delivery(client).create(KEY, ticket);
            // A new gateway on the same data folder, as after a kill before the mail was marked taken.
            String again = delivery(client).create(KEY, ticket);
            assertThat(again).isEqualTo(first);
            assertThat(sandbox.ticketCount()).isEqualTo(1);

            String other = delivery(client).create("<other@example.org>", ticket);
            assertThat(other).isNotEqualTo(first);
            assertThat(sandbox.ticketCount()).isEqualTo(2);
        }
    }

    @Test
    void aNoteRepeatedAfterACrashIsNotAddedTwice() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), false);
             OsTicketClient client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"))) {
            String number = client.createTicket(NewTicket.of("Ann", "ann@example.org", "Printer", "Broken.")).number();
            TicketUpdate reply = TicketUpdate.none().withNote("Reply by email: still broken.");
            delivery(client).addNote(KEY, number, reply);
            delivery(client).addNote(KEY, number, reply);
            long notes = client.getTicket(TicketRef.ofNumber(number)).thread().stream()
                    .filter(entry -> entry.body().startsWith("Reply by email")).count();
            assertThat(notes).isEqualTo(1);
        }
    }
}
