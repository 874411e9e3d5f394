package org.osticketgateway.osticket.component;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.osticketgateway.osticket.OsTicketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed events poll is logged: a failure of osTicket in one line (the poll is simply tried
 * again, and the consumer's health check still counts it); anything else as Camel would.
 */
final class EventsPollFailures implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventsPollFailures.class);

    private final ExceptionHandler others;

    EventsPollFailures(ExceptionHandler others) {
        this.others = others;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception instanceof OsTicketException e) {
            LOG.warn("Ticket events: the poll failed and is tried again at the next poll: {}", e.getMessage());
        } else {
            others.handleException(message, exchange, exception);
        }
    }
}
