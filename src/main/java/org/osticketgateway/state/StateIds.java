package org.osticketgateway.state;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;

/**
 * An {@link IdempotentRepository} kept as keys of a state repository (a key is in it while its value
 * is not empty): the ids of mail already taken, in the same Kafka topic as the rest of the mail
 * state, so a gateway taking over a mailbox reads them up to the last one with the rest.
 */
public final class StateIds implements IdempotentRepository {

    private static final String PRESENT = "1";

    private final StateRepository<String, String> state;

    public StateIds(StateRepository<String, String> state) {
        this.state = state;
    }

    @Override
    public boolean add(String key) {
        if (contains(key)) {
            return false;
        }
        state.setState(key, PRESENT);
        return true;
    }

    @Override
    public boolean contains(String key) {
        return PRESENT.equals(state.getState(key));
    }

    @Override
    public boolean remove(String key) {
        if (!contains(key)) {
            return false;
        }
        state.setState(key, "");
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("the ids of taken mail are never cleared all at once");
    }

    @Override
    public void start() {
        // The state repository is started on its own.
    }

    @Override
    public void stop() {
        // The state repository is stopped on its own.
    }
}
