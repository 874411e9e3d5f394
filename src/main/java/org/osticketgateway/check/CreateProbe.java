package org.osticketgateway.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.osticketgateway.osticket.ApiRequest;
import org.osticketgateway.osticket.ApiResponse;
import org.osticketgateway.osticket.ApiTransport;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.ResponseReader;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;

/**
 * A create that osTicket refuses for an unreadable due date, so that nothing is written, carrying
 * the source, system email, department, priority and help topic a flow would send: whatever else
 * osTicket objects to, the same create from the flow would be refused for. The plugin checks the
 * department first; osTicket core then checks the origin (source and system email) and the due date
 * together, and lists every problem (seen on osTicket 1.18.1: a missing message is not one of them
 * for source Email, which skips the form's checks, so a probe without a message writes a ticket).
 * The documented API checks department, priority and help topic, then the due date.
 */
final class CreateProbe implements AutoCloseable {

    static final String SUBJECT = "[osticket-gateway check] probe, never written";
    private static final String UNREADABLE_DUE_DATE = "not-a-date";

    private final ApiTransport transport;
    private final ResponseReader reader = new ResponseReader(new ObjectMapper());
    private final OsTicketClient cleaner;

    /** Sends as {@code settings} say (their key, or none); deletes what a server writes anyway with {@code cleaner}. */
    CreateProbe(OsTicketSettings settings, OsTicketClient cleaner) {
        this.transport = new ApiTransport(settings);
        this.cleaner = cleaner;
    }

    /** The required fields of every probe; callers add what the flow would send. */
    static NewTicket ticket() {
        return NewTicket.of("osticket-gateway check", "osticket-gateway-check@example.com", SUBJECT,
                "Sent by osticket-gateway check with an unreadable due date, so that osTicket refuses it.");
    }

    /** {@code ticket}'s priority goes as given: callers send an id where the server takes ids only. */
    CreateProbeAnswer send(NewTicket ticket) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode()
                .put("name", ticket.name())
                .put("email", ticket.email())
                .put("subject", ticket.subject())
                .put("message", ticket.message())
                .put("duedate", UNREADABLE_DUE_DATE);
        putIfSet(fields, "source", ticket.source());
        putIfSet(fields, "emailId", ticket.emailId());
        putIfSet(fields, "departmentId", ticket.department());
        putIfSet(fields, "priority", ticket.priority());
        putIfSet(fields, "topicId", ticket.topicId());
        ApiResponse response;
        try {
            response = transport.send(ApiRequest.withJson("checkCreate", "POST", "/tickets.json", fields));
        } catch (OsTicketException e) {
            return new CreateProbeAnswer(CreateProbeAnswer.Outcome.UNEXPECTED, e.getMessage(), null);
        }
        CreateProbeAnswer answer = CreateProbeAnswer.of(response, reader.errorMessage(response));
        return answer.outcome() == CreateProbeAnswer.Outcome.WRITTEN ? cleanUp(answer) : answer;
    }

    private CreateProbeAnswer cleanUp(CreateProbeAnswer written) {
        String number = written.writtenNumber();
        if (number == null) {
            return new CreateProbeAnswer(written.outcome(), "osTicket wrote a ticket whose number it did not say: "
                    + "remove the ticket '" + SUBJECT + "' by hand", null);
        }
        try {
            cleaner.deleteTicket(TicketRef.ofNumber(number));
            return new CreateProbeAnswer(written.outcome(), "osTicket wrote it as #" + number
                    + " (deleted again)", number);
        } catch (OsTicketException e) {
            return new CreateProbeAnswer(written.outcome(), "osTicket wrote it as #" + number
                    + ", which could not be deleted (" + e.getMessage() + "): remove ticket #" + number + " by hand",
                    number);
        }
    }

    /** Digits go as a number, as the gateway sends a name-or-id: osTicket tells the two apart by type. */
    private static void putIfSet(ObjectNode fields, String name, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (text.matches("\\d{1,17}")) {
            fields.put(name, Long.parseLong(text));
        } else if (!text.isEmpty()) {
            fields.put(name, text);
        }
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
