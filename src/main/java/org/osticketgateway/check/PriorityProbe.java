package org.osticketgateway.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osticketgateway.osticket.model.TicketSummary;

/**
 * {@code osticket.priorities} against the priorities osTicket shows on its tickets, and the names
 * mail sends. Only the plugin needs the map (it takes priorities by id); a wrong id gives every
 * ticket the wrong priority without an error.
 */
final class PriorityProbe {

    /** What mail asks for when a mail is marked urgent or unimportant (X-Priority, Importance). */
    private static final List<String> MAIL_PRIORITIES = List.of("High", "Low");

    private final PriorityNames priorities;

    PriorityProbe(PriorityNames priorities) {
        this.priorities = priorities;
    }

    List<Finding> run(ServerFacts facts) {
        if (!priorities.byId()) {
            return List.of(Finding.ok("priorities", "the documented API takes priority names: osticket.priorities "
                    + "is not used"));
        }
        List<Finding> findings = new ArrayList<>();
        Map<Long, String> seen = new TreeMap<>();
        for (TicketSummary ticket : facts.recentTickets()) {
            if (ticket.priorityId() != null && ticket.priority() != null) {
                seen.put(ticket.priorityId(), ticket.priority());
            }
        }
        List<String> conflicts = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        seen.forEach((id, name) -> {
            Optional<Long> configured = priorities.id(name);
            Optional<String> configuredName = priorities.ids().entrySet().stream()
                    .filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst();
            if (configured.isPresent() && !configured.get().equals(id)) {
                conflicts.add("osTicket's " + name + " is id " + id + ", osticket.priorities says " + name + "="
                        + configured.get());
            } else if (configured.isEmpty()) {
                unnamed.add("osTicket calls id " + id + " '" + name + "'" + configuredName
                        .map(n -> ", osticket.priorities calls it '" + n + "'").orElse(", which osticket.priorities "
                                + "does not name"));
            }
        });
        String map = "osticket.priorities (" + priorities.configured() + ")";
        String sample = "the priorities on the " + facts.recentTickets().size() + " newest updated tickets";
        if (!conflicts.isEmpty()) {
            findings.add(Finding.fail("priorities", map + " disagrees with " + sample + ": " + String.join("; ",
                    conflicts) + ": tickets would get the wrong priority; fix osticket.priorities",
                    EnumSet.of(Flow.MAIL, Flow.COMMANDS)));
        } else if (!unnamed.isEmpty()) {
            findings.add(Finding.warn("priorities", map + " against " + sample + ": " + String.join("; ", unnamed)
                    + ": the gateway sends only the names in osticket.priorities"));
        } else if (seen.isEmpty()) {
            findings.add(Finding.ok("priorities", map + ": not compared with osTicket, no ticket could be read"));
        } else {
            findings.add(Finding.ok("priorities", map + " agrees with " + sample + " (" + seen.size()
                    + " seen); the check's ticket tries one"));
        }
        List<String> missing = MAIL_PRIORITIES.stream().filter(name -> priorities.id(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            findings.add(Finding.fail("mail priorities", "osticket.priorities has no " + String.join(" or ", missing)
                    + ", which mail asks for when a mail is marked by X-Priority or Importance: such mail would be "
                    + "refused (the plugin takes priorities by id only)", EnumSet.of(Flow.MAIL)));
        }
        return findings;
    }
}
