package org.osticketgateway.osticket.component;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.events.EventSink;

/**
 * {@code osticket:events}: each poll asks the change detector for what changed and routes one
 * exchange per event (body: the event's data, a Jackson {@code JsonNode}). A failed exchange stops the poll, so the
 * detector's state does not move past it; every {@code sweepEvery} polls it also sweeps.
 */
public class OsTicketEventsConsumer extends ScheduledPollConsumer {

    public static final String EVENT_ID = "CamelOsTicketEventId";
    public static final String EVENT_TYPE = "CamelOsTicketEventType";
    public static final String EVENT_TIME = "CamelOsTicketEventTime";

    private final ChangeDetector detector;
    private final int sweepEvery;
    private long polls;

    public OsTicketEventsConsumer(OsTicketEndpoint endpoint, Processor processor, ChangeDetector detector,
                                  int sweepEvery) {
        super(endpoint, processor);
        this.detector = detector;
        this.sweepEvery = sweepEvery;
        setExceptionHandler(new EventsPollFailures(getExceptionHandler()));
    }

    @Override
    protected int poll() throws Exception {
        int[] count = {0};
        EventSink sink = event -> {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(event.data());
            exchange.getMessage().setHeader(EVENT_ID, event.id());
            exchange.getMessage().setHeader(EVENT_TYPE, event.type());
            exchange.getMessage().setHeader(EVENT_TIME, event.time().toString());
            exchange.getMessage().setHeader(OsTicketConstants.TICKET_NUMBER, event.ticketNumber());
            try {
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
            } finally {
                releaseExchange(exchange, false);
            }
            count[0]++;
        };
        detector.poll(sink);
        if (sweepEvery > 0 && ++polls % sweepEvery == 0) {
            detector.sweep(sink);
        }
        return count[0];
    }
}
