package org.osticketgateway.reliability;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a gateway process in the reliability suites: osTicket, one IMAP mailbox
 * {@code support} polled often and taking all its mail, Kafka, commands with short retries, and
 * the ticket events. Each suite adds its own.
 */
final class SuiteGateway {

    private SuiteGateway() {
    }

    static Map<String, String> environment(String osticketUrl, String apiKey, int imapPort, String mailPassword,
            String kafka) {
        Map<String, String> env = new HashMap<>();
        env.put("OSTICKET_URL", osticketUrl);
        env.put("OSTICKET_API_KEY", apiKey);
        env.put("MAIL_MAILBOXES", "support");
        env.put("MAIL_SUPPORT_PROTOCOL", "imap");
        env.put("MAIL_SUPPORT_HOST", "127.0.0.1");
        env.put("MAIL_SUPPORT_PORT", String.valueOf(imapPort));
        env.put("MAIL_SUPPORT_USERNAME", "support");
        env.put("MAIL_SUPPORT_PASSWORD", mailPassword);
        env.put("MAIL_SUPPORT_START", "all");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("COMMANDS_ENABLED", "true");
        env.put("COMMANDS_RETRY_DELAY", "200");
        env.put("COMMANDS_MAX_RETRY_DELAY", "2000");
        env.put("EVENTS_ENABLED", "true");
        // Against the sandbox at full speed a poll's time is the gateway's own: no pacing (PollBudgetTest).
        env.put("EVENTS_SERVER_SHARE", "1");
        env.put("REPORT_NAMES", "daily");
        env.put("REPORT_DAILY_CRON", "0 0 0 1 1 ? 2099");
        env.put("REPORT_DAILY_SLACK", "true");
        return env;
    }
}
