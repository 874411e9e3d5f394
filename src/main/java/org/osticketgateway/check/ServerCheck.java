package org.osticketgateway.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketSettings;

/**
 * Every probe against one osTicket, with the gateway's own client and configuration, in the order
 * the answers build on each other: the connection, the key's permissions, what can be read, what
 * the configuration will send (probed without writing), then the one real ticket, which is always
 * deleted again (or named, to be removed by hand).
 */
final class ServerCheck {

    private final OsTicketClient client;
    private final CheckConfiguration configuration;
    private final Clock clock;

    ServerCheck(OsTicketClient client, CheckConfiguration configuration, Clock clock) {
        this.client = client;
        this.configuration = configuration;
        this.clock = clock;
    }

    List<Finding> run() throws Exception {
        List<Finding> findings = new ArrayList<>(configuration.problems());
        if (!new ConnectionProbe(client).run(findings)) {
            return findings;
        }
        PriorityNames priorities = new PriorityNames(client.settings().priorities(),
                client.dialect() == DialectChoice.PLUGIN);
        try (CreateProbe creates = new CreateProbe(client.settings(), client);
             CreateProbe keyless = new CreateProbe(withoutKey(client.settings()), client)) {
            KeyPermissions permissions = new PermissionProbe(client, creates).run(findings);
            findings.add(KeylessCreateProbe.run(keyless));
            ServerFacts facts = new FlowQueryProbe(client).run(configuration, permissions, findings);
            findings.addAll(new JobProbe(client).run(configuration));
            findings.addAll(new PriorityProbe(priorities).run(facts));
            findings.addAll(new MailProbe(creates, priorities).run(configuration, permissions));
            writtenTicket(priorities, permissions, facts, findings);
        }
        return findings;
    }

    private void writtenTicket(PriorityNames priorities, KeyPermissions permissions, ServerFacts facts,
                               List<Finding> findings) {
        CheckTicketProbe tickets = new CheckTicketProbe(client, priorities, clock);
        SubticketProbe subtickets = new SubticketProbe(client);
        Optional<WrittenTicket> written = tickets.create(configuration, permissions, facts, findings);
        if (written.isEmpty()) {
            findings.addAll(subtickets.run(PermissionProbe.ABSENT, false));
            return;
        }
        try {
            if (written.get().messageId() != null) {
                findings.add(tickets.reply(written.get()));
            }
            Optional<String> status = tickets.update(written.get(), facts, findings);
            findings.addAll(new TicketSearchProbe(client).run(written.get(), status));
            findings.addAll(subtickets.run(written.get().ref(), true));
        } finally {
            findings.add(tickets.delete(written.get().ref()));
        }
    }

    private static OsTicketSettings withoutKey(OsTicketSettings settings) {
        return new OsTicketSettings(settings.baseUrl(), "", settings.dialect(), settings.responseFormat(),
                settings.zone(), settings.connectTimeout(), settings.readTimeout(), 1, settings.priorities(),
                settings.trust());
    }
}
