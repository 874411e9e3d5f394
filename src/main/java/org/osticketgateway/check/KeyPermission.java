package org.osticketgateway.check;

import java.util.EnumSet;
import java.util.Set;

/**
 * The seven permissions an osTicket API key has for the plugin's endpoints, with the flows that
 * cannot work without each and what goes wrong without it. Delete and subtickets stop no flow: only
 * those commands fail, each with a result that says why.
 */
enum KeyPermission {
    CREATE("create tickets", "can_create_tickets", EnumSet.of(Flow.MAIL, Flow.COMMANDS, Flow.JOBS),
            "mail, create commands and create jobs cannot become tickets"),
    READ("read tickets", "can_read_tickets", EnumSet.of(Flow.MAIL, Flow.COMMANDS, Flow.JOBS),
            "the gateway reads tickets back after a create on the plugin, for replies by [#number], get commands "
                    + "and to find what it wrote before a crash"),
    UPDATE("update tickets", "can_update_tickets", EnumSet.of(Flow.MAIL, Flow.COMMANDS, Flow.JOBS),
            "auto-replies to a ticket become notes, update commands and update jobs apply by update; on the plugin a "
                    + "new ticket's due "
                    + "date and attachments are set by an update"),
    SEARCH("search tickets", "can_search_tickets",
            EnumSet.of(Flow.CONNECTION, Flow.MAIL, Flow.COMMANDS, Flow.EVENTS, Flow.REPORTS, Flow.JOBS),
            "the gateway searches once at start and would not start; events, reports and jobs are made from search"),
    DELETE("delete tickets", "can_delete_tickets", EnumSet.noneOf(Flow.class),
            "delete commands fail (FORBIDDEN: a failed result and a dead letter)"),
    STATS("read stats", "can_read_stats", EnumSet.of(Flow.EVENTS, Flow.REPORTS, Flow.JOBS),
            "events and reports need the statuses and the stats; jobs with a status are checked against the statuses"),
    SUBTICKETS("manage subtickets", "can_manage_subtickets", EnumSet.noneOf(Flow.class),
            "link and unlink commands and link jobs fail (FORBIDDEN: a failed result and a dead letter or a failed job "
                    + "result)");

    private final String label;
    private final String osTicketName;
    private final Set<Flow> neededBy;
    private final String without;

    KeyPermission(String label, String osTicketName, Set<Flow> neededBy, String without) {
        this.label = label;
        this.osTicketName = osTicketName;
        this.neededBy = neededBy;
        this.without = without;
    }

    String label() {
        return label;
    }

    /** The permission's name in osTicket's API key settings. */
    String osTicketName() {
        return osTicketName;
    }

    /** The flows that cannot work without it; empty where only some commands fail. */
    Set<Flow> neededBy() {
        return neededBy;
    }

    /** What goes wrong without it. */
    String without() {
        return without;
    }
}
