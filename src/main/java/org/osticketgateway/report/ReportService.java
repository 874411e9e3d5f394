package org.osticketgateway.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the report routes call: build a definition's report (remembering its totals for the next
 * one), and render it for Slack and for email. Delivery, retries and failures are the routes' part.
 */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final Map<String, ReportDefinition> definitions;
    private final ReportBuilder builder;
    private final StateRepository<String, String> previous;
    private final boolean slack;
    private final String emailFrom;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code slack}: whether a webhook is configured. */
    public ReportService(Map<String, ReportDefinition> definitions, ReportBuilder builder,
                         StateRepository<String, String> previous, boolean slack, String emailFrom) {
        this.definitions = Map.copyOf(definitions);
        this.builder = builder;
        this.previous = previous;
        this.slack = slack;
        this.emailFrom = emailFrom;
    }

    public boolean has(String name) {
        return definitions.containsKey(name);
    }

    public StatsReport build(String name) throws IOException {
        ReportDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new NoSuchElementException("no report named '" + name + "' (report.names)");
        }
        String last = previous.getState(name);
        StatsReport report = builder.build(definition, last == null ? null : json.readValue(last, Totals.class));
        previous.setState(name, json.writeValueAsString(report.totals()));
        LOG.info("Report {} built: {} open, {} overdue, {} new", name, report.totals().open(),
                report.totals().overdue(), report.totals().created());
        return report;
    }

    public boolean wantsSlack(StatsReport report) {
        return report.definition().slack() && slack;
    }

    public boolean wantsEmail(StatsReport report) {
        return !report.definition().emailTo().isEmpty();
    }

    public ObjectNode slackMessage(StatsReport report) {
        return SlackMessage.render(report);
    }

    /**
     * What the webhook answered, as Slack means it: 200 is taken, anything else fails the delivery
     * (and is retried). The webhook URL is a secret: the failure says only what Slack answered.
     */
    public void slackAnswered(int status, String body) throws IOException {
        if (status != 200) {
            String answer = body == null ? "" : body;
            throw new IOException("the Slack webhook answered " + status + ": "
                    + answer.substring(0, Math.min(200, answer.length())));
        }
    }

    public MimeMessage email(StatsReport report) {
        try {
            return EmailReport.render(report, emailFrom);
        } catch (MessagingException e) {
            throw new UncheckedIOException(new IOException("cannot build the report email: " + e.getMessage(), e));
        }
    }
}
