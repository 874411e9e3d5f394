package org.osticketgateway.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.cluster.LedRoutes;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.retry.RetryBudget;
import org.osticketgateway.retry.RetryBudgets;
import org.osticketgateway.tls.AddedTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mailboxes from configuration ({@code mail.mailboxes} and {@code mail.<name>.*}), binds
 * the beans the mail route calls, and adds one polling route per mailbox from the
 * {@code mail-to-ticket} template in {@code routes/mail-to-ticket.yaml}. Runs once before the
 * routes start.
 */
public final class MailSetup {

    private static final Logger LOG = LoggerFactory.getLogger(MailSetup.class);

    private MailSetup() {
    }

    public static void install(CamelContext camel, Settings settings) throws Exception {
        Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
        for (String name : settings.list("mail.mailboxes")) {
            mailboxes.put(name, mailbox(settings, name));
        }
        MailState state = MailState.open(camel, settings);
        IdempotentRepository seen = state.seen();
        StateRepository<String, String> threads = state.threads();
        StateRepository<String, String> started = state.started();
        OsTicketClient client = camel.getComponent("osticket", OsTicketComponent.class).client();

        camel.getRegistry().bind("mailSeen", seen);
        // A mail osTicket keeps refusing while it answers other calls goes to the error folder after
        // 5 attempts: about a minute at the default poll delay, more than a passing fault takes.
        RetryBudget retries = RetryBudgets.install(camel, settings, "mail", "Mail", 5);
        camel.getRegistry().bind("mailRetries", retries);
        camel.getRegistry().bind("mailDelivery", new MailDelivery(started, client, retries, Clock.systemUTC()));
        long maxAttachment = settings.size("mail.max-attachment-bytes", 20L * 1024 * 1024);
        camel.getRegistry().bind("mailBinding", new GatewayMailBinding(maxAttachment));
        camel.getRegistry().bind("mail", new MailToTicket(mailboxes,
                new MailReader(maxAttachment),
                RoutingRules.parse("mail.routing", settings.text("mail.routing", "")),
                new SenderPolicy(settings.list("mail.banned"),
                        settings.integer("mail.max-tickets-per-sender-per-hour", 20), Clock.systemUTC()),
                threads, client, Clock.systemUTC()));
        MailMoves moves = new MailMoves(mailboxes);
        camel.getRegistry().bind("mailMoves", moves);
        StateRepository<String, String> positions = state.positions();
        LedRoutes led = LedRoutes.of(camel);
        MeterRegistry meters = camel.getRegistry().findSingleByType(MeterRegistry.class);
        for (Mailbox mailbox : mailboxes.values()) {
            String name = mailbox.name();
            MailboxPolls polls = new MailboxPolls(mailbox, Clock.systemUTC());
            StartPosition position = mailbox.protocol().startsWith("imap") && mailbox.start().equals("now")
                    ? new StartPosition(name, positions, mailbox.after().equals("seen"), Clock.systemUTC()) : null;
            SearchTerm search = mailbox.protocol().startsWith("imap")
                    ? new BatchSearch(position != null ? position : imapSearch(mailbox), mailbox.batchSize()) : null;
            camel.getRegistry().bind("mailSession-" + name, MailboxSession.of(mailbox));
            camel.getRegistry().bind("mailPolls-" + name, polls);
            camel.getRegistry().bind("mailMoves-" + name, moves.afterPoll(name));
            if (search != null) {
                camel.getRegistry().bind("mailSearch-" + name, search);
            }
            HealthCheckHelper.getHealthCheckRegistry(camel).register(new MailboxHealthCheck(polls));
            if (meters != null) {
                Gauge.builder("gateway.mailbox.readable", polls, p -> p.since() != null && p.cause() == null ? 1 : 0)
                        .description("1 while the mailbox can be read, 0 while it cannot (or was not reached yet)")
                        .tag("mailbox", name).register(meters);
            }
            led.lead("mail-to-ticket-" + name, "mailbox-" + name, state.kept());
            TemplatedRouteBuilder.builder(camel, "mail-to-ticket")
                    .routeId("mail-to-ticket-" + name)
                    .parameter("name", name)
                    .parameter("uri", uri(mailbox, search != null))
                    .add();
            tryOnce(mailbox, polls, position);
        }
    }

    /**
     * Logs into the mailbox once (a new mailbox's start position is fixed then) and says in one line
     * whether it can be read and how it is read; WARN when it cannot. The gateway starts either way.
     */
    private static void tryOnce(Mailbox mailbox, MailboxPolls polls, StartPosition position) {
        String name = mailbox.name();
        String state;
        try {
            state = "readable, " + MailboxProbe.visit(mailbox, position);
            polls.readable();
        } catch (MessagingException | RuntimeException e) {
            polls.unreadable(e);
            if (position != null) {
                position.fixUnread();
            }
            state = "CANNOT BE READ: " + polls.cause() + " (tried again every "
                    + mailbox.unreadablePollDelay() / 1000 + " s)";
        }
        String line = "Mailbox " + name + " (" + mailbox.server() + "): " + state + ". Polled every "
                + mailbox.pollDelay() + " ms; " + start(mailbox, position) + "; taken mail is "
                + switch (mailbox.after()) {
                    case "archive" -> "moved to " + mailbox.archiveFolder();
                    case "delete" -> "deleted";
                    default -> "left, flagged seen";
                } + "; " + (mailbox.emailId() == null
                        ? "tickets are created with source API (mail." + name
                                + ".email-id names the osTicket system email that makes them email tickets)"
                        : "tickets are email tickets of osTicket system email " + mailbox.emailId())
                + (mailbox.trust() == null ? "" : "; trusts the CA in " + mailbox.trust().source());
        if (polls.cause() == null) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }

    /** Which mail a mailbox takes, in words. */
    private static String start(Mailbox mailbox, StartPosition position) {
        return switch (mailbox.start()) {
            case "all" -> "takes all its mail";
            case "now" -> "takes mail that arrives after " + position.describe();
            default -> "takes mail received since " + mailbox.start();
        };
    }

    /**
     * The server-side search of an IMAP mailbox that does not start now: mail not flagged deleted, or
     * unseen when the mailbox only flags; for {@code start = <date>}, received that day or later.
     */
    private static SearchTerm imapSearch(Mailbox mailbox) {
        SearchTerm candidates = mailbox.after().equals("seen") ? new FlagTerm(new Flags(Flags.Flag.SEEN), false)
                : new FlagTerm(new Flags(Flags.Flag.DELETED), false);
        if (!isDate(mailbox.start())) {
            return candidates;
        }
        return new AndTerm(candidates, new ReceivedDateTerm(ComparisonTerm.GE,
                Date.from(LocalDate.parse(mailbox.start()).atStartOfDay(ZoneId.systemDefault()).toInstant())));
    }

    /** The mailbox {@code mail.<name>.*} describes; a wrong or missing value names its key. */
    public static Mailbox mailbox(Settings settings, String name) {
        String p = "mail." + name + ".";
        String protocol = settings.text(p + "protocol", "imaps");
        if (!protocol.matches("imaps?|pop3s?")) {
            throw new IllegalStateException(p + "protocol must be imap, imaps, pop3 or pop3s");
        }
        String after = settings.text(p + "after", protocol.startsWith("pop3") ? "delete" : "archive");
        if (!after.matches("archive|delete|seen")) {
            throw new IllegalStateException(p + "after must be archive, delete or seen");
        }
        if (protocol.startsWith("pop3") && !after.equals("delete")) {
            throw new IllegalStateException(p + "after must be delete for POP3, which has no folders or flags");
        }
        String start = settings.text(p + "start", protocol.startsWith("pop3") ? "all" : "now");
        if (!start.matches("now|all") && !isDate(start)) {
            throw new IllegalStateException(p + "start must be now, all or a date (2026-12-01), not '" + start + "'");
        }
        if (protocol.startsWith("pop3") && !start.equals("all")) {
            throw new IllegalStateException(p + "start must be all for POP3, which keeps no position in a mailbox");
        }
        int pollDelay = settings.integer(p + "poll-delay", 10000);
        long unreadablePollDelay = settings.integer(p + "unreadable-poll-delay", 300000);
        if (unreadablePollDelay < pollDelay) {
            throw new IllegalStateException(p + "unreadable-poll-delay must be at least " + p + "poll-delay ("
                    + pollDelay + " ms), not " + unreadablePollDelay);
        }
        String topic = settings.text(p + "topic-id", null);
        String emailId = settings.text(p + "email-id", null);
        return new Mailbox(name, protocol, settings.required(p + "host", "the mailbox's server"),
                settings.integer(p + "port", protocol.endsWith("s") ? (protocol.startsWith("imap") ? 993 : 995)
                        : (protocol.startsWith("imap") ? 143 : 110)),
                settings.required(p + "username", "the mailbox's login"), settings.text(p + "password", ""),
                settings.text(p + "folder", "INBOX"), after, settings.text(p + "archive-folder", "Archive"),
                settings.text(p + "error-folder", "Errors"), settings.text(p + "department", null),
                settings.text(p + "priority", null), topic == null ? null : (long) settings.integer(p + "topic-id", 0),
                emailId == null ? null : positive(settings, p + "email-id"),
                pollDelay, settings.integer(p + "batch-size", 50), start,
                AddedTrust.configured(p, settings.text(p + "trust-pem", null), settings.text(p + "trust-store", null),
                        settings.text(p + "trust-store-password", null)),
                unreadablePollDelay);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static long positive(Settings settings, String key) {
        long value = settings.integer(key, 0);
        if (value < 1) {
            throw new IllegalStateException(key + " must be the id of an osTicket system email (1 or more), not "
                    + value);
        }
        return value;
    }

    /**
     * The camel-mail URI: flagged seen, archived or deleted only once the route succeeded. A mailbox
     * that archives or deletes takes every mail in its folder from its start on, not only unseen ones:
     * a gateway killed between flagging a mail seen and moving it would otherwise leave it behind for
     * good (the mail, already taken, is then only moved). One that just flags takes unseen mail.
     * IMAP mail is moved by {@link MailMoves} after each batch; POP3 mail is deleted by camel-mail.
     * A poll that fails is one login, then {@code unreadable-poll-delay} passes before the next.
     */
    private static String uri(Mailbox mailbox, boolean searched) {
        String name = mailbox.name();
        String after = mailbox.protocol().startsWith("pop3") ? "&delete=true" : "&postProcessAction=#mailMoves-" + name;
        // Camel skips this many polls, then polls: one attempt every (backoff + 1) poll delays.
        long backoff = Math.max(1, (mailbox.unreadablePollDelay() + mailbox.pollDelay() - 1) / mailbox.pollDelay() - 1);
        return mailbox.protocol() + "://" + mailbox.host() + ":" + mailbox.port() + "?username=" + mailbox.username()
                + "&password=RAW(" + mailbox.password() + ")&folderName=" + mailbox.folder()
                + "&unseen=" + mailbox.after().equals("seen") + "&peek=true&mapMailMessage=false"
                + "&session=#mailSession-" + name + "&binding=#mailBinding&delay=" + mailbox.pollDelay()
                + "&maxMessagesPerPoll=" + mailbox.batchSize() + after
                + (searched ? "&searchTerm=#mailSearch-" + name : "")
                + "&pollStrategy=#mailPolls-" + name + "&exceptionHandler=#mailPolls-" + name
                + "&backoffErrorThreshold=1&backoffMultiplier=" + backoff;
    }
}
