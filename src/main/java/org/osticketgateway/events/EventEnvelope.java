package org.osticketgateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.osticketgateway.osticket.component.OsTicketConstants;
import org.osticketgateway.osticket.component.OsTicketEventsConsumer;

/**
 * Puts an event into CloudEvents 1.0 for Kafka: binary mode ({@code ce_*} headers, the data as
 * the body) or structured mode (a {@link CloudEvent} as the body). The route marshals the body to
 * JSON. Source is the osTicket URL, subject the ticket number.
 */
public final class EventEnvelope {

    private final String source;
    private final boolean structured;

    public EventEnvelope(String source, boolean structured) {
        this.source = source;
        this.structured = structured;
    }

    /** An event not from the poller (stats): its attributes into headers, its data into the body. */
    public void wrapEvent(TicketEvent event, Exchange exchange) {
        Message message = exchange.getMessage();
        message.setBody(event.data());
        message.setHeader(OsTicketEventsConsumer.EVENT_ID, event.id());
        message.setHeader(OsTicketEventsConsumer.EVENT_TYPE, event.type());
        message.setHeader(OsTicketEventsConsumer.EVENT_TIME, event.time().toString());
        message.setHeader(OsTicketConstants.TICKET_NUMBER, event.ticketNumber());
        wrap(exchange);
    }

    public void wrap(Exchange exchange) {
        Message message = exchange.getMessage();
        String id = message.getHeader(OsTicketEventsConsumer.EVENT_ID, String.class);
        String type = message.getHeader(OsTicketEventsConsumer.EVENT_TYPE, String.class);
        String time = message.getHeader(OsTicketEventsConsumer.EVENT_TIME, String.class);
        String subject = message.getHeader(OsTicketConstants.TICKET_NUMBER, String.class);
        if (structured) {
            message.setBody(CloudEvent.of(id, source, type, subject, time, message.getBody(JsonNode.class)));
            message.setHeader("content-type", "application/cloudevents+json");
        } else {
            message.setHeader("ce_specversion", "1.0");
            message.setHeader("ce_id", id);
            message.setHeader("ce_source", source);
            message.setHeader("ce_type", type);
            message.setHeader("ce_subject", subject);
            message.setHeader("ce_time", time);
            message.setHeader("content-type", "application/json");
        }
    }
}
