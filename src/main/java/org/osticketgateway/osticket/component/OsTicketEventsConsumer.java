package org.osticketgateway.osticket.component;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.events.EventSink;
import org.osticketgateway.events.PollBudget;

/**
 * {@code osticket:events}: each poll asks the change detector for what changed and routes one
 * exchange per event (body: the event's data, a Jackson {@code JsonNode}). A failed exchange stops the poll, so the
 * detector's state does not move past it; every {@code sweepEvery} polls it also sweeps. With a
 * budget, a scheduled poll is skipped until the budget allows the next: what the last poll and
 * sweep cost osTicket sets how long that is.
 */
public class OsTicketEventsConsumer extends ScheduledPollConsumer {

    public static final String EVENT_ID = "CamelOsTicketEventId";
    public static final String EVENT_TYPE = "CamelOsTicketEventType";
    public static final String EVENT_TIME = "CamelOsTicketEventTime";

    private final ChangeDetector detector;
    private final int sweepEvery;
    private final PollBudget budget;
    private long polls;

    /** {@code budget} may be null: every scheduled poll then polls. */
    public OsTicketEventsConsumer(OsTicketEndpoint endpoint, Processor processor, ChangeDetector detector,
                                  int sweepEvery, PollBudget budget) {
        super(endpoint, processor);
        this.detector = detector;
        this.sweepEvery = sweepEvery;
        this.budget = budget;
        setExceptionHandler(new EventsPollFailures(getExceptionHandler()));
    }

    @Override
    protected int poll() throws Exception {
        if (budget != null && !budget.begin()) {
            return 0;
        }
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
        try {
            detector.poll(sink);
            if (sweepEvery > 0 && ++polls % sweepEvery == 0) {
                detector.sweep(sink);
            }
        } finally {
            Duration cost = detector.spent();
            if (budget != null) {
                budget.spent(cost);
            }
        }
        return count[0];
    }
}
