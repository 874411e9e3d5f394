package org.osticketgateway.mail;

import java.io.File;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.retry.RetryBudget;
import org.osticketgateway.retry.RetryBudgets;
import org.osticketgateway.state.RecentIds;
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
        String data = settings.text("gateway.data-dir", "data");
        // The last 100,000 mails taken are remembered; the file keeps them across restarts.
        IdempotentRepository seen = new RecentIds(new File(data, "mail-seen.dat"), 100_000);
        FileStateRepository threads = FileStateRepository.fileStateRepository(new File(data, "mail-threads.dat"));
        threads.setMaxFileStoreSize(512L * 1024 * 1024);
        FileStateRepository started = FileStateRepository.fileStateRepository(new File(data, "mail-started.dat"));
        started.setMaxFileStoreSize(512L * 1024 * 1024);
        camel.addService(seen);
        camel.addService(threads);
        camel.addService(started);
        OsTicketClient client = camel.getComponent("osticket", OsTicketComponent.class).client();

        camel.getRegistry().bind("mailSeen", seen);
        // A mail osTicket keeps refusing while it answers other calls goes to the error folder after
        // 5 attempts: about a minute at the default poll delay, more than a passing fault takes.
        RetryBudget retries = RetryBudgets.install(camel, settings, "mail", "Mail", 5);
        camel.getRegistry().bind("mailRetries", retries);
        camel.getRegistry().bind("mailDelivery", new MailDelivery(started, client, retries, Clock.systemUTC()));
        camel.getRegistry().bind("mailProperties", javaMailProperties());
        long maxAttachment = settings.size("mail.max-attachment-bytes", 20L * 1024 * 1024);
        camel.getRegistry().bind("mailBinding", new GatewayMailBinding(maxAttachment));
        camel.getRegistry().bind("mail", new MailToTicket(mailboxes,
                new MailReader(maxAttachment),
                RoutingRules.parse("mail.routing", settings.text("mail.routing", "")),
                new SenderPolicy(settings.list("mail.banned"),
                        settings.integer("mail.max-tickets-per-sender-per-hour", 20), Clock.systemUTC()),
                threads, client, Clock.systemUTC()));
        for (Mailbox mailbox : mailboxes.values()) {
            TemplatedRouteBuilder.builder(camel, "mail-to-ticket")
                    .routeId("mail-to-ticket-" + mailbox.name())
                    .parameter("name", mailbox.name())
                    .parameter("uri", uri(mailbox))
                    .add();
            LOG.info("Mailbox {} polled every {} ms; taken mail is {}; {}", mailbox, mailbox.pollDelay(),
                    switch (mailbox.after()) {
                        case "archive" -> "moved to " + mailbox.archiveFolder();
                        case "delete" -> "deleted";
                        default -> "left, flagged seen";
                    }, mailbox.emailId() == null
                            ? "tickets are created with source API (mail." + mailbox.name()
                                    + ".email-id names the osTicket system email that makes them email tickets)"
                            : "tickets are email tickets of osTicket system email " + mailbox.emailId());
        }
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
                settings.integer(p + "poll-delay", 10000), settings.integer(p + "batch-size", 50));
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
     * Fetch a mail in one piece rather than in 16 KB slices (a 10 MB attachment would take hundreds
     * of round trips), read its headers as UTF-8, and never wait forever on a silent server.
     */
    private static Properties javaMailProperties() {
        Properties properties = new Properties();
        for (String protocol : new String[] {"imap", "imaps", "pop3", "pop3s"}) {
            properties.setProperty("mail." + protocol + ".partialfetch", "false");
            properties.setProperty("mail." + protocol + ".connectiontimeout", "30000");
            properties.setProperty("mail." + protocol + ".timeout", "120000");
        }
        // Raw 8-bit headers (RFC 6532, and what many mailers send) are UTF-8, not Latin-1.
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    /**
     * The camel-mail URI: flagged seen, archived or deleted only once the route succeeded. A mailbox
     * that archives or deletes takes every mail in its folder, not only unseen ones: camel-mail flags
     * a mail seen before it moves it, so a gateway killed in between would leave it behind for good
     * (the mail, already taken, is then only moved). One that just flags takes unseen mail.
     */
    private static String uri(Mailbox mailbox) {
        String after = switch (mailbox.after()) {
            case "archive" -> "&moveTo=" + mailbox.archiveFolder();
            case "delete" -> "&delete=true";
            default -> "";
        };
        return mailbox.protocol() + "://" + mailbox.host() + ":" + mailbox.port() + "?username=" + mailbox.username()
                + "&password=RAW(" + mailbox.password() + ")&folderName=" + mailbox.folder()
                + "&unseen=" + mailbox.after().equals("seen") + "&peek=true&mapMailMessage=false&additionalJavaMailProperties=#mailProperties&binding=#mailBinding&delay="
                + mailbox.pollDelay() + "&maxMessagesPerPoll=" + mailbox.batchSize() + after;
    }
}
