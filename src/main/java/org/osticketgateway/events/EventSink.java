package org.osticketgateway.events;

/** Where the poller hands each event; an exception stops the poll before its state moves on. */
@FunctionalInterface
public interface EventSink {

    void emit(TicketEvent event) throws Exception;
}
