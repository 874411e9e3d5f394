package org.osticketgateway;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as a newcomer first runs it ({@code mvn -B -q test-compile exec:java}): every flow on,
 * against embedded stand-ins — the sandbox osTicket, a GreenMail mail server and an in-JVM Kafka
 * broker. It lives with the tests, so none of the stand-ins is in what runs in production.
 */
public final class DevGateway {

    private static final Logger LOG = LoggerFactory.getLogger(DevGateway.class);

    private DevGateway() {
    }

    public static void main(String[] args) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(3143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser("support@example.com", "support", "support");
        mail.setUser("leads@example.com", "leads", "leads");
        KafkaBroker kafka = KafkaBroker.start();
        kafka.createTopics(3, "osticket.commands", "osticket.events");
        kafka.createTopics(1, "osticket.command-results", "osticket.commands.dlq");

        GatewayStartup startup = new GatewayStartup();
        Main main = Gateway.create(System.getenv().getOrDefault("GATEWAY_CONFIG", "config/application.properties"),
                startup);
        String[][] settings = {
                {"mail.mailboxes", "support"}, {"mail.support.protocol", "imap"},
                {"mail.support.host", "127.0.0.1"}, {"mail.support.port", "3143"},
                {"mail.support.username", "support"}, {"mail.support.password", "support"},
                {"mail.support.email-id", "1"},
                {"mail.support.poll-delay", "2000"},
                {"smtp.host", "127.0.0.1"}, {"smtp.port", "3025"},
                {"report.names", "daily"}, {"report.daily.cron", "0 0 8 ? * MON-FRI"},
                {"report.daily.email-to", "leads@example.com"},
                {"kafka.bootstrap-servers", kafka.bootstrapServers()},
                {"commands.enabled", "true"}, {"events.enabled", "true"}, {"events.poll-delay", "2000"},
                {"gateway.data-dir", "target/dev-data"}};
        for (String[] setting : settings) {
            if (System.getenv(setting[0].toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_')) == null) {
                main.addOverrideProperty(setting[0], setting[1]);
            }
        }
        LOG.info("Embedded stand-ins: mail on 127.0.0.1 (SMTP 3025, IMAP 3143), Kafka at {}", kafka.bootstrapServers());
        LOG.info("Send a mail to support@example.com via SMTP 127.0.0.1:3025: it becomes a ticket within seconds");
        LOG.info("Commands: produce CloudEvents to osticket.commands at {}; results on osticket.command-results",
                kafka.bootstrapServers());
        LOG.info("Ticket changes appear on osticket.events; the daily report: curl -X POST "
                + "http://127.0.0.1:8081/reports/daily (mail to leads@example.com, IMAP user leads/leads)");
        try {
            main.run(args);
        } catch (GatewayStartupException e) {
            // Already said in one sentence.
        } finally {
            kafka.close();
            mail.stop();
        }
    }
}
