package org.osticketgateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.spi.StateRepository;

/**
 * What the events poller knows of osTicket: the last snapshot of every ticket it has seen and the
 * watermark of its last poll, kept in a state repository. Counting from here costs osTicket nothing;
 * the numbers are as of the last poll.
 */
public final class TicketStates {

    static final String WATERMARK = "watermark";
    static final String POLLED = "polled";
    private static final String TICKET = "ticket:";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final StateRepository<String, String> state;
    private final Map<String, String> view;

    /** {@code view} is the map behind {@code state}, read to list the tickets known. */
    public TicketStates(StateRepository<String, String> state, Map<String, String> view) {
        this.state = state;
        this.view = view;
    }

    /** Null before the first poll. */
    String watermark() {
        String mark = state.getState(WATERMARK);
        return mark == null || mark.isEmpty() ? null : mark;
    }

    void setWatermark(Instant mark, Instant polledAt) {
        state.setState(WATERMARK, mark.toString());
        state.setState(POLLED, polledAt.toString());
    }

    /** When the last poll ended; null when there has been none, so that nothing is known yet. */
    public Instant polledAt() {
        String at = state.getState(POLLED);
        return at == null || at.isEmpty() ? null : Instant.parse(at);
    }

    TicketSnapshot get(String number) {
        return parse(state.getState(TICKET + number));
    }

    void save(TicketSnapshot snapshot) {
        try {
            state.setState(TICKET + snapshot.number(), JSON.writeValueAsString(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget(String number) {
        state.setState(TICKET + number, "");
    }

    /** Every ticket known, as last seen. */
    public Stream<TicketSnapshot> all() {
        return view.entrySet().stream()
                .filter(e -> e.getKey().startsWith(TICKET) && !e.getValue().isEmpty())
                .map(e -> parse(e.getValue()));
    }

    private static TicketSnapshot parse(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return JSON.readValue(json, TicketSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
