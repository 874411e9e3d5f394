package org.osticketgateway.command;

import java.time.Instant;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.state.StateKey;

/**
 * What happened to each command id, kept across restarts: started (the call may or may not have
 * reached osTicket), done (with its result, not yet published) — in this gateway's own state — and
 * published, in a repository that several gateways can share (a Kafka topic), so that a command
 * redelivered to another gateway after a rebalance is not applied again. Ids are kept as
 * {@link StateKey}s: an id may be any string.
 */
public final class CommandLedger {

    private static final String STARTED = "started:";
    private static final String DONE = "done:";

    private final StateRepository<String, String> states;
    private final IdempotentRepository published;

    public CommandLedger(StateRepository<String, String> states, IdempotentRepository published) {
        this.states = states;
        this.published = published;
    }

    boolean isPublished(String id) {
        return published.contains(StateKey.of(id));
    }

    /** The result of a command already done but not yet published, or null. */
    CommandResult done(String id) {
        String state = states.getState(StateKey.of(id));
        return state != null && state.startsWith(DONE) ? CommandResult.fromJson(state.substring(DONE.length())) : null;
    }

    /** When a command was started before and its outcome is unknown (a crash mid-call), or null. */
    Instant startedBefore(String id) {
        String state = states.getState(StateKey.of(id));
        return state != null && state.startsWith(STARTED) ? Instant.parse(state.substring(STARTED.length())) : null;
    }

    void started(String id, Instant at) {
        states.setState(StateKey.of(id), STARTED + at);
    }

    void done(CommandResult result) {
        states.setState(StateKey.of(result.commandId()), DONE + result.toJson());
    }

    /** The command took effect and its result is written: never again. */
    void published(String id) {
        published.add(StateKey.of(id));
        states.setState(StateKey.of(id), "");
    }

    /** As if the command had never been seen (the state repository keeps keys; empty means none). */
    void forget(String id) {
        if (states.getState(StateKey.of(id)) != null) {
            states.setState(StateKey.of(id), "");
        }
    }
}
