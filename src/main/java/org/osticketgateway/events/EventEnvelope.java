package org.osticketgateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.osticketgateway.osticket.component.OsTicketConstants;
import org.osticketgateway.osticket.component.OsTicketEventsConsumer;

/**
 * Puts an event into CloudEvents 1.0 for Kafka: binary mode ({@code ce_*} headers, the data as
 * the value) or structured mode (the whole event as the value). Source is the osTicket URL,
 * subject the ticket number.
 */
public final class EventEnvelope {

    private final String source;
    private final boolean structured;
    private final ObjectMapper json = new ObjectMapper();

    public EventEnvelope(String source, boolean structured) {
        this.source = source;
        this.structured = structured;
    }

    /** An event not from the poller (stats): its attributes into headers, its data into the body. */
    public void wrapEvent(TicketEvent event, Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        message.setBody(event.data().toString());
        message.setHeader(OsTicketEventsConsumer.EVENT_ID, event.id());
        message.setHeader(OsTicketEventsConsumer.EVENT_TYPE, event.type());
        message.setHeader(OsTicketEventsConsumer.EVENT_TIME, event.time().toString());
        message.setHeader(OsTicketConstants.TICKET_NUMBER, event.ticketNumber());
        wrap(exchange);
    }

    public void wrap(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String id = message.getHeader(OsTicketEventsConsumer.EVENT_ID, String.class);
        String type = message.getHeader(OsTicketEventsConsumer.EVENT_TYPE, String.class);
        String time = message.getHeader(OsTicketEventsConsumer.EVENT_TIME, String.class);
        String subject = message.getHeader(OsTicketConstants.TICKET_NUMBER, String.class);
        if (structured) {
            ObjectNode event = json.createObjectNode().put("specversion", "1.0").put("id", id).put("source", source)
                    .put("type", type).put("subject", subject).put("time", time)
                    .put("datacontenttype", "application/json");
            event.set("data", json.readTree(message.getBody(String.class)));
            message.setBody(event.toString());
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
