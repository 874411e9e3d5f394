package org.osticketgateway.state;

import org.apache.camel.spi.StateRepository;

/**
 * One part of a shared state repository, its keys set apart by a prefix: the mail state of every
 * mailbox (taken, threads, in flight, start positions) lives in one Kafka topic.
 */
public final class StateSection implements StateRepository<String, String> {

    private final StateRepository<String, String> state;
    private final String prefix;

    public StateSection(StateRepository<String, String> state, String prefix) {
        this.state = state;
        this.prefix = prefix;
    }

    @Override
    public void setState(String key, String value) {
        state.setState(prefix + key, value);
    }

    @Override
    public String getState(String key) {
        return state.getState(prefix + key);
    }

    @Override
    public void start() {
        // The shared repository is started on its own.
    }

    @Override
    public void stop() {
        // The shared repository is stopped on its own.
    }
}
