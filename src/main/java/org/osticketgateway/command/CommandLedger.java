package org.osticketgateway.command;

import java.time.Instant;
import org.apache.camel.spi.StateRepository;

/**
 * What happened to each command id, kept across restarts: started (the call may or may not have
 * reached osTicket), done (with its result, not yet published) or published. It is what makes a
 * redelivered command take effect once and get one result.
 */
public final class CommandLedger {

    private static final String STARTED = "started:";
    private static final String DONE = "done:";
    private static final String PUBLISHED = "published";

    private final StateRepository<String, String> states;

    public CommandLedger(StateRepository<String, String> states) {
        this.states = states;
    }

    boolean isPublished(String id) {
        return PUBLISHED.equals(states.getState(id));
    }

    /** The result of a command already done but not yet published, or null. */
    CommandResult done(String id) {
        String state = states.getState(id);
        return state != null && state.startsWith(DONE) ? CommandResult.fromJson(state.substring(DONE.length())) : null;
    }

    /** When a command was started before and its outcome is unknown (a crash mid-call), or null. */
    Instant startedBefore(String id) {
        String state = states.getState(id);
        return state != null && state.startsWith(STARTED) ? Instant.parse(state.substring(STARTED.length())) : null;
    }

    void started(String id, Instant at) {
        states.setState(id, STARTED + at);
    }

    void done(CommandResult result) {
        states.setState(result.commandId(), DONE + result.toJson());
    }

    void published(String id) {
        states.setState(id, PUBLISHED);
    }

    /** As if the command had never been seen (the state repository keeps keys; empty means none). */
    void forget(String id) {
        if (states.getState(id) != null) {
            states.setState(id, "");
        }
    }
}
