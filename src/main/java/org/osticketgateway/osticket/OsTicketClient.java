package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.osticketgateway.osticket.model.Attachment;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.DeletedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.RelatedTicket;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.Stats;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.osticket.model.SubticketLink;
import org.osticketgateway.osticket.model.Ticket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketStatus;
import org.osticketgateway.osticket.model.TicketSummary;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.osticket.model.UpdatedTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed osTicket client: checks each request, then hands it to the dialect the server speaks
 * (chosen by configuration or detected once, on the first call that needs it).
 */
public final class OsTicketClient implements OsTicketApi, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OsTicketClient.class);

    private final OsTicketSettings settings;
    private final ApiTransport transport;
    private final ObjectMapper json = new ObjectMapper();
    private final ResponseReader reader;
    private final TimestampCodec timestamps;
    private final RequestValidator validate;
    /** osTicket core's mail intake answers alike under either dialect. */
    private final ApiCaller mailIntake;
    private volatile OsTicketApi dialect;
    private volatile DialectChoice dialectInUse;
    private volatile String detectedBecause;

    public OsTicketClient(OsTicketSettings settings) {
        this.settings = settings;
        this.transport = new ApiTransport(settings);
        this.reader = new ResponseReader(json);
        this.timestamps = new TimestampCodec(settings.zone());
        this.validate = new RequestValidator(timestamps);
        this.mailIntake = new ApiCaller(transport, reader, ApiCaller.BY_STATUS);
    }

    /** Metrics: told of every API call this client makes. */
    public void onApiCall(ApiCallListener listener) {
        transport.setListener(listener);
    }

    public OsTicketSettings settings() {
        return settings;
    }

    /** The dialect in use, detecting it first when configured as {@code auto}. */
    public DialectChoice dialect() {
        api();
        return dialectInUse;
    }

    /** How the dialect in use was chosen: configured, or what the detection saw. */
    public String dialectReason() {
        api();
        return settings.dialect() == DialectChoice.AUTO ? "detected: " + detectedBecause
                : "configured (osticket.dialect)";
    }

    private OsTicketApi api() {
        OsTicketApi current = dialect;
        if (current == null) {
            synchronized (this) {
                if (dialect == null) {
                    DialectChoice choice = settings.dialect() == DialectChoice.AUTO ? detect() : settings.dialect();
                    dialect = switch (choice) {
                        case REFERENCE -> new ReferenceDialect(transport, reader, timestamps,
                                settings.responseFormat());
                        case PLUGIN, AUTO -> new PluginDialect(transport, reader, timestamps,
                                settings.responseFormat(), settings.priorities());
                    };
                    dialectInUse = choice;
                }
                current = dialect;
            }
        }
        return current;
    }

    /**
     * The statuses answer tells the dialects apart: the documented API wraps the list in
     * {@code {"statuses":[…]}} and its errors in {@code {"error":"…"}}; the shipped plugin answers
     * with a bare list and errors as {@code {"error":true,"message":…}}. A key without the stats
     * permission is still told apart by its error's form.
     */
    private DialectChoice detect() {
        String op = "detectDialect";
        ApiResponse answer = transport.send(ApiRequest.get(op, "/tickets-statuses.php", null));
        DialectChoice found;
        String why;
        if (answer.isSuccess()) {
            JsonNode tree = reader.tree(answer, op);
            found = tree.isArray() ? DialectChoice.PLUGIN : DialectChoice.REFERENCE;
            why = tree.isArray() ? "its statuses answer is a bare list" : "its statuses answer is an object";
        } else {
            JsonNode error = errorTree(answer);
            if (error == null || !error.has("error")) {
                throw reader.error(answer, op, PluginDialect.meaning(answer, reader.errorMessage(answer)));
            }
            found = error.get("error").isBoolean() ? DialectChoice.PLUGIN : DialectChoice.REFERENCE;
            why = "its error answers have the " + (found == DialectChoice.PLUGIN ? "plugin's" : "documented") + " form";
        }
        detectedBecause = why;
        LOG.info("osTicket at {} speaks the {} dialect: {}", transport.baseUrl(),
                found == DialectChoice.PLUGIN ? "plugin (v2.3.4)" : "reference", why);
        return found;
    }

    private JsonNode errorTree(ApiResponse answer) {
        try {
            return answer.body().trim().startsWith("{") ? json.readTree(answer.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public CreatedTicket createTicket(NewTicket ticket) {
        validate.newTicket(ticket);
        return api().createTicket(ticket);
    }

    @Override
    public CreatedTicket submitTicket(NewTicket ticket) {
        validate.newTicket(ticket);
        return api().submitTicket(ticket);
    }

    @Override
    public Ticket getTicket(TicketRef ticket) {
        validate.ticket("getTicket", "ticket", ticket);
        return api().getTicket(ticket);
    }

    /**
     * Hands a whole mail (RFC 822) to osTicket core's own mail intake, {@code POST /tickets.email}
     * (the same under either dialect): osTicket threads it by its Message-ID, In-Reply-To,
     * References or {@code [#number]} from the ticket's owner, and adds it to that ticket as the
     * customer's message with its attachments — or opens a ticket, as an email ticket. A mail whose
     * Message-ID osTicket has seen is not added again. Returns the ticket it is on.
     */
    public TicketRef postEmail(byte[] mail) {
        if (mail == null || mail.length == 0) {
            throw OsTicketException.invalidRequest("postEmail", "mail is required");
        }
        ApiResponse answer = mailIntake.answer(ApiRequest.raw("postEmail", "/tickets.email",
                new Attachment("mail.eml", "message/rfc822", mail)));
        String number = answer.body().trim();
        if (!CoreAnswer.isTicketNumber(number)) {
            throw reader.unreadable(answer, "postEmail");
        }
        return TicketRef.ofNumber(number);
    }

    @Override
    public UpdatedTicket updateTicket(TicketRef ticket, TicketUpdate update) {
        validate.update(ticket, update);
        return api().updateTicket(ticket, update);
    }

    @Override
    public SearchPage searchTickets(SearchQuery query) {
        validate.search(query);
        return api().searchTickets(query);
    }

    /**
     * Every ticket matching the query, fetched a page at a time as the stream is consumed. The
     * query's own limit is the page size (100 when unset); its offset is where the walk starts.
     */
    public Stream<TicketSummary> searchAll(SearchQuery query) {
        validate.search(query);
        int pageSize = query.limit() == null ? SearchQuery.MAX_LIMIT : query.limit();
        int start = query.offset() == null ? 0 : query.offset();
        Iterator<TicketSummary> pages = new Iterator<>() {
            private Iterator<TicketSummary> page = List.<TicketSummary>of().iterator();
            private int offset = start;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    SearchPage next = searchTickets(query.withPage(pageSize, offset));
                    offset += next.tickets().size();
                    last = next.tickets().size() < pageSize || (next.total() != null && offset >= next.total());
                    page = next.tickets().iterator();
                }
                return page.hasNext();
            }

            @Override
            public TicketSummary next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
    }

    @Override
    public DeletedTicket deleteTicket(TicketRef ticket) {
        validate.ticket("deleteTicket", "ticket", ticket);
        return api().deleteTicket(ticket);
    }

    @Override
    public Stats getStats(StatsQuery query) {
        validate.stats(query);
        return api().getStats(query);
    }

    @Override
    public List<TicketStatus> listStatuses() {
        return api().listStatuses();
    }

    @Override
    public Optional<RelatedTicket> getParent(TicketRef child) {
        validate.ticket("getParent", "child", child);
        return api().getParent(child);
    }

    @Override
    public List<RelatedTicket> listChildren(TicketRef parent) {
        validate.ticket("listChildren", "parent", parent);
        return api().listChildren(parent);
    }

    @Override
    public SubticketLink linkSubticket(TicketRef parent, TicketRef child) {
        validate.link(parent, child);
        return api().linkSubticket(parent, child);
    }

    @Override
    public SubticketLink unlinkSubticket(TicketRef child) {
        validate.ticket("unlinkSubticket", "child", child);
        return api().unlinkSubticket(child);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
