package org.osticketgateway.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.osticket.OriginMarker;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.retry.RetryBudget;
import org.osticketgateway.state.StateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a mail into osTicket once, even when the gateway is killed mid-call: before the call it
 * notes when it started, and what it writes ends with the mail's {@link OriginMarker}. A mail taken
 * again after a crash is first looked for in osTicket, and only made if it is not there.
 */
public final class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final StateRepository<String, String> started;
    private final OsTicketClient client;
    private final RetryBudget retries;
    private final Clock clock;

    public MailDelivery(StateRepository<String, String> started, OsTicketClient client, RetryBudget retries,
                        Clock clock) {
        this.started = started;
        this.client = client;
        this.retries = retries;
        this.clock = clock;
    }

    /** Creates the ticket, or finds the one an interrupted earlier try made; returns its number. */
    public String create(String mailKey, NewTicket ticket) {
        OriginMarker marker = marker(mailKey);
        Optional<Instant> before = startedBefore(mailKey);
        if (before.isPresent()) {
            Optional<Ticket> made = marker.findCreated(client, ticket.subject(), before.get());
            if (made.isPresent()) {
                LOG.info("Mail {} had become ticket #{} before an interruption: not created again", mailKey,
                        made.get().number());
                retries.succeeded(mailKey);
                return made.get().number();
            }
        }
        start(mailKey);
        String number = client.createTicket(ticket.withMessage(marker.appendTo(ticket.message()))).number();
        retries.succeeded(mailKey);
        return number;
    }

    /**
     * Hands the whole mail to osTicket's mail intake, which adds it to the ticket as the customer's
     * message; returns the number of the ticket osTicket put it on. A mail taken again after a crash
     * is not added twice: osTicket knows its Message-ID.
     */
    public String reply(String mailKey, Message mail, String number) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            mail.writeTo(raw);
        } catch (IOException | MessagingException e) {
            throw new UnreadableMailException("cannot read the whole mail: " + e.getMessage(), e);
        }
        String landed = client.postEmail(ReplyMail.naming(raw.toByteArray(), number)).number();
        retries.succeeded(mailKey);
        if (!landed.equals(number)) {
            LOG.warn("Mail {}: osTicket did not thread the reply to #{}; it opened or used #{}", mailKey, number,
                    landed);
        }
        return landed;
    }

    /** Adds the note, unless an interrupted earlier try already did. */
    public void addNote(String mailKey, String number, TicketUpdate update) {
        OriginMarker marker = marker(mailKey);
        TicketRef ticket = TicketRef.ofNumber(number);
        if (startedBefore(mailKey).isPresent() && marker.isOn(client.getTicket(ticket))) {
            LOG.info("Mail {} had been added to #{} before an interruption: not added again", mailKey, number);
            retries.succeeded(mailKey);
            return;
        }
        start(mailKey);
        client.updateTicket(ticket, update.withNote(marker.appendTo(update.note())));
        retries.succeeded(mailKey);
    }

    private static OriginMarker marker(String mailKey) {
        return OriginMarker.of("mail", StateKey.sha256(mailKey).substring(0, 16));
    }

    private Optional<Instant> startedBefore(String mailKey) {
        return Optional.ofNullable(started.getState(StateKey.of(mailKey))).map(Instant::parse);
    }

    private void start(String mailKey) {
        started.setState(StateKey.of(mailKey), clock.instant().toString());
    }
}
