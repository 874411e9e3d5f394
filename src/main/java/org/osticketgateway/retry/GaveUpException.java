package org.osticketgateway.retry;

import org.osticketgateway.osticket.OsTicketException;

/**
 * The last failure of an item that used up its attempts while osTicket answered other calls: not
 * retryable, so that its flow sends the item to its dead-letter place with this reason.
 */
public final class GaveUpException extends OsTicketException {

    private static final long serialVersionUID = 1L;

    GaveUpException(int attempts, OsTicketException last) {
        super(last.failure(), last.operation(), last.status(), "gave up after " + attempts
                + " attempts while osTicket answered other calls: " + (last.apiMessage() == null
                ? last.failure().description() : last.apiMessage()), false, last);
    }
}
