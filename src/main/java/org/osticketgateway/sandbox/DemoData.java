package org.osticketgateway.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tickets that look like the reference's examples: open and closed, assigned and not, with
 * responses and notes, and a project with subtickets.
 */
final class DemoData {

    private DemoData() {
    }

    static void load(SandboxStore store) {
        Instant start = store.now().minus(Duration.ofDays(3));
        SandboxTicket login = ticket(store, start, "John Doe", "john@example.com", "Login Issue",
                "I cannot access my account", 3, 2);
        login.phone = "+1 555-1234";
        login.topicId = 10L;
        login.staffId = 3L;
        login.teamId = 1L;
        login.answered = true;
        login.dueDate = start.plus(Duration.ofDays(7));
        store.addEntry(login, "R", "Jane Smith", null, "Please try resetting your password", "text",
                start.plus(Duration.ofMinutes(30)), List.of());
        store.addEntry(login, "N", "Site Admin", "Internal Note", "User has multiple failed login attempts", "text",
                start.plus(Duration.ofMinutes(45)), List.of());
        login.updated = start.plus(Duration.ofMinutes(45));

        SandboxTicket payment = ticket(store, start.plus(Duration.ofHours(1)), "Jane Smith", "jane@example.com",
                "Bug Report: Payment Failed", "Payment fails with error: Card declined", 4, 3);
        payment.staffId = 2L;

        SandboxTicket reset = ticket(store, start.plus(Duration.ofHours(2)), "Jane Smith", "jane@example.com",
                "Password Reset", "Please reset my password", 3, 1);
        reset.statusId = 2;
        reset.staffId = 3L;
        reset.answered = true;
        store.addEntry(reset, "R", "Jane Smith", null, "Done: check your inbox", "text",
                start.plus(Duration.ofHours(3)), List.of());
        reset.closed = start.plus(Duration.ofHours(4));
        reset.updated = reset.closed;

        SandboxTicket migration = ticket(store, start.plus(Duration.ofHours(5)), "Project Manager", "pm@example.com",
                "Server Migration Project", "Migrate services to the new server", 6, 3);
        migration.dueDate = store.now().minus(Duration.ofDays(1));
        for (String[] sub : new String[][] {
                {"DBA", "dba@example.com", "Subtask: Database Backup", "5"},
                {"Network Admin", "netadmin@example.com", "Subtask: DNS Configuration", "6"},
                {"QA Engineer", "qa@example.com", "Subtask: Migration Testing", "7"}}) {
            SandboxTicket child = ticket(store, start.plus(Duration.ofHours(6)), sub[0], sub[1], sub[2],
                    sub[2].substring("Subtask: ".length()), Long.parseLong(sub[3]), 2);
            child.parentId = migration.id;
        }

        SandboxTicket invoice = ticket(store, start.plus(Duration.ofHours(8)), "Alex Buyer", "alex@example.org",
                "Invoice Request", "Please send the invoice for order 1042", 8, 1);
        invoice.statusId = 3;
        invoice.closed = start.plus(Duration.ofHours(9));
        invoice.updated = invoice.closed;
    }

    private static SandboxTicket ticket(SandboxStore store, Instant at, String name, String email, String subject,
                                        String message, long departmentId, long priorityId) {
        SandboxTicket ticket = store.open(name, email, "192.168.1.100", "Web", at);
        ticket.subject = subject;
        ticket.departmentId = departmentId;
        ticket.priorityId = priorityId;
        store.addEntry(ticket, "M", name, null, message, "text", at, List.of());
        return ticket;
    }
}
