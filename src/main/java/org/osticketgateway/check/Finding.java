package org.osticketgateway.check;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the check: how a probe came out, what it was about ({@code topic}), and what it found
 * and what the gateway does about it ({@code text}). A failure names the flows it stops; one that
 * stops no configured flow is shown as a warning, since nothing that will run depends on it.
 */
public record Finding(Verdict verdict, String topic, String text, Set<Flow> stops) {

    public Finding {
        stops = Collections.unmodifiableSet(stops.isEmpty() ? EnumSet.noneOf(Flow.class) : EnumSet.copyOf(stops));
    }

    static Finding ok(String topic, String text) {
        return new Finding(Verdict.OK, topic, text, Set.of());
    }

    static Finding warn(String topic, String text) {
        return new Finding(Verdict.WARN, topic, text, Set.of());
    }

    static Finding fail(String topic, String text, Set<Flow> stops) {
        if (stops.isEmpty()) {
            throw new IllegalArgumentException("a failure stops at least one flow: " + topic);
        }
        return new Finding(Verdict.FAIL, topic, text, stops);
    }

    /** A failure of what {@code stops} these flows; a warning where it stops none. */
    static Finding problem(String topic, String text, Set<Flow> stops) {
        return stops.isEmpty() ? warn(topic, text) : fail(topic, text, stops);
    }

    /** Whether it stops one of these flows. */
    boolean stopsAnyOf(Set<Flow> flows) {
        return verdict == Verdict.FAIL && stops.stream().anyMatch(flows::contains);
    }

    /** As the report shows it when only {@code configured} flows run. */
    Finding seenWith(Set<Flow> configured) {
        if (verdict != Verdict.FAIL || stopsAnyOf(configured)) {
            return this;
        }
        String flows = stops.stream().map(Flow::label).collect(Collectors.joining(" and "));
        return new Finding(Verdict.WARN, topic, text + " (only " + flows + (stops.size() == 1 ? " needs" : " need")
                + " this, and " + (stops.size() == 1 ? "it is" : "they are") + " not configured)", stops);
    }
}
