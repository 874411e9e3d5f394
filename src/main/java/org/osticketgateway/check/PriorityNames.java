package org.osticketgateway.check;

import java.util.Map;
import java.util.Optional;

/**
 * Priorities as the gateway sends them: the documented API takes a name; the plugin takes an id
 * only, which the gateway looks up in {@code osticket.priorities}.
 */
record PriorityNames(Map<String, Long> ids, boolean byId) {

    PriorityNames {
        ids = Map.copyOf(ids);
    }

    /** What goes to osTicket for this priority; empty when the plugin would be sent a name it cannot take. */
    Optional<String> sent(String priority) {
        if (!byId || priority.trim().matches("\\d+")) {
            return Optional.of(priority.trim());
        }
        return id(priority).map(String::valueOf);
    }

    Optional<Long> id(String name) {
        return ids.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name.trim()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** "High (id 3 by osticket.priorities)" where an id is sent, else the name. */
    String describe(String priority) {
        return sent(priority).filter(sent -> byId && !sent.equals(priority.trim()))
                .map(id -> priority + " (id " + id + " by osticket.priorities)").orElse(priority);
    }

    String configured() {
        return ids.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
