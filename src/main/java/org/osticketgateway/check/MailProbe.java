package org.osticketgateway.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.osticketgateway.mail.Mailbox;
import org.osticketgateway.mail.MailboxProbe;
import org.osticketgateway.osticket.model.NewTicket;

/**
 * The tickets each configured mailbox makes, and the departments of the routing rules, probed with
 * creates osTicket refuses for their due date ({@link CreateProbe}): nothing is written. osTicket
 * does not check that a system email id exists (any positive number passes), so that is said, not
 * probed. Each mailbox is also logged into once, as the gateway would, and read, never changed.
 */
final class MailProbe {

    private static final EnumSet<Flow> MAIL = EnumSet.of(Flow.MAIL);
    private static final Map<String, String> SETTING_BY_WORD = new TreeMap<>(Map.of("email", "email-id",
            "department", "department", "priority", "priority", "topic", "topic-id"));

    private final CreateProbe creates;
    private final PriorityNames priorities;

    MailProbe(CreateProbe creates, PriorityNames priorities) {
        this.creates = creates;
        this.priorities = priorities;
    }

    List<Finding> run(CheckConfiguration configuration, KeyPermissions permissions) {
        if (configuration.mailboxes().isEmpty() && configuration.routingDepartments().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Mailbox mailbox : configuration.mailboxes()) {
            read(mailbox, findings);
        }
        if (permissions.denies(KeyPermission.CREATE)) {
            findings.add(Finding.warn("mailboxes", "not probed: the key cannot create tickets (see permission "
                    + "create)"));
            return findings;
        }
        for (Mailbox mailbox : configuration.mailboxes()) {
            mailbox(mailbox, findings);
        }
        for (String department : configuration.routingDepartments()) {
            routedTo(department, findings);
        }
        return findings;
    }

    /** One login to the mailbox, as the gateway's polls make it. */
    private static void read(Mailbox mailbox, List<Finding> findings) {
        MailboxProbe.Outcome outcome = MailboxProbe.check(mailbox);
        String topic = "reading mailbox " + mailbox.name();
        if (outcome.readable()) {
            findings.add(Finding.ok(topic, mailbox.server() + ": " + outcome.detail()));
        } else {
            findings.add(Finding.fail(topic, mailbox.server() + " cannot be read: " + outcome.detail(), MAIL));
        }
    }

    private void mailbox(Mailbox mailbox, List<Finding> findings) {
        String topic = "mailbox " + mailbox.name();
        String key = "mail." + mailbox.name() + ".";
        NewTicket probe = CreateProbe.ticket().withOrigin(mailbox.ticketSource(), mailbox.emailId(), null)
                .withDepartment(mailbox.department()).withTopicId(mailbox.topicId());
        StringBuilder tickets = new StringBuilder(mailbox.emailId() == null ? "API tickets (source API)"
                : "email tickets of osTicket system email " + mailbox.emailId() + " (source Email)");
        tickets.append(", department ").append(mailbox.department() == null ? "osTicket's default"
                : mailbox.department());
        if (mailbox.priority() != null) {
            Optional<String> sent = priorities.sent(mailbox.priority());
            if (sent.isEmpty()) {
                findings.add(Finding.fail(topic, key + "priority '" + mailbox.priority() + "' is not one of "
                        + "osticket.priorities (" + priorities.configured() + "): the gateway refuses this mailbox's "
                        + "tickets, as the plugin takes priorities by id only", MAIL));
            } else {
                probe = probe.withPriority(sent.get());
                tickets.append(", priority ").append(priorities.describe(mailbox.priority()));
            }
        }
        if (mailbox.topicId() != null) {
            tickets.append(", help topic ").append(mailbox.topicId());
        }
        CreateProbeAnswer answer = creates.send(probe);
        switch (answer.outcome()) {
            case PASSED -> findings.add(Finding.ok(topic, "osTicket takes its tickets: " + tickets + " (a create "
                    + "refused for its unreadable due date alone; nothing written)" + (mailbox.emailId() == null ? ""
                    : "; osTicket does not check that system email " + mailbox.emailId() + " exists: it must be "
                    + "the one that receives " + mailbox.username() + "'s mail")));
            case REFUSED -> findings.add(Finding.fail(topic, "osTicket refuses its tickets (" + tickets + "): "
                    + answer.detail() + ": every new mail of it would go to the error folder; check "
                    + suspects(answer.detail(), key), MAIL));
            case WRITTEN -> findings.add(Finding.warn(topic, "a create meant to be refused for its due date was "
                    + "taken, so its checks cannot be told apart: " + answer.detail()));
            case NOT_AUTHORIZED, UNEXPECTED -> findings.add(Finding.fail(topic, "probing its tickets (" + tickets
                    + ") failed: " + answer.detail(), MAIL));
        }
        if (mailbox.emailId() == null) {
            findings.add(Finding.warn(topic, key + "email-id is not set: its tickets are created with source API, "
                    + "not as email tickets; set it to the id of the osTicket system email that receives "
                    + mailbox.username() + "'s mail (osTicket: Admin panel, Emails) to make them email tickets"));
        }
    }

    /** The mailbox settings osTicket's objection points at (by the word it uses); all four when none. */
    private static String suspects(String objection, String key) {
        String text = objection.toLowerCase(Locale.ROOT);
        List<String> named = SETTING_BY_WORD.entrySet().stream().filter(e -> text.contains(e.getKey()))
                .map(e -> key + e.getValue()).toList();
        return named.isEmpty() ? SETTING_BY_WORD.values().stream().map(setting -> key + setting)
                .collect(Collectors.joining(", ")) : String.join(", ", named);
    }

    private void routedTo(String department, List<Finding> findings) {
        CreateProbeAnswer answer = creates.send(CreateProbe.ticket().withDepartment(department));
        String what = "mail.routing sends mail to department '" + department + "'";
        switch (answer.outcome()) {
            case PASSED -> findings.add(Finding.ok("routing", what + ": osTicket knows it"));
            case REFUSED -> findings.add(Finding.fail("routing", what + ": osTicket refuses it (" + answer.detail()
                    + "): such mail would go to the error folder; fix the rule", MAIL));
            case WRITTEN -> findings.add(Finding.warn("routing", what + ": a create meant to be refused for its due "
                    + "date was taken: " + answer.detail()));
            case NOT_AUTHORIZED, UNEXPECTED -> findings.add(Finding.fail("routing", what + ": probing it failed: "
                    + answer.detail(), MAIL));
        }
    }
}
