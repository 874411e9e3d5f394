package org.osticketgateway.job;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import org.osticketgateway.Settings;
import org.quartz.CronExpression;

/**
 * Reads the job definitions: {@code jobs.names = patching,close-resolved}, then for each name
 * {@code job.<name>.*} (see {@code config/application.properties}). A wrong value — a cron that is
 * not one or never fires again, a zone, a placeholder that does not exist, a missing setting the
 * kind needs — stops start-up with a sentence naming its key.
 */
public final class JobDefinitions {

    private JobDefinitions() {
    }

    public static Map<String, JobDefinition> load(Settings settings, Instant now) {
        Map<String, JobDefinition> definitions = new LinkedHashMap<>();
        for (String name : settings.list("jobs.names")) {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalStateException("jobs.names: '" + name + "' is not a job name (letters, digits, - and _)");
            }
            definitions.put(name, definition(settings, name, now));
        }
        return definitions;
    }

    private static JobDefinition definition(Settings settings, String name, Instant now) {
        String p = "job." + name + ".";
        JobKind kind = JobKind.parse(p + "kind", settings.required(p + "kind", "every job is create, update or link"));
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.text(p + "timezone", "UTC"));
        } catch (DateTimeException e) {
            throw new IllegalStateException(p + "timezone is not a time zone: " + e.getMessage());
        }
        String cron = settings.required(p + "cron", "every job needs a Quartz cron expression, e.g. 0 0 6 ? * MON");
        nextFire(p + "cron", cron, zone, now);
        MissedFire missed = MissedFire.parse(p + "missed", settings.text(p + "missed", "run"));
        boolean dryRun = settings.flag(p + "dry-run", false);
        int cap = settings.integer(p + "max-per-run", 50);
        if (cap < 1) {
            throw new IllegalStateException(p + "max-per-run must be at least 1, not " + cap);
        }
        return switch (kind) {
            case CREATE -> new JobDefinition(name, kind, cron, zone, missed, dryRun, cap, template(settings, p),
                    null, null, null);
            case UPDATE -> new JobDefinition(name, kind, cron, zone, missed, dryRun, cap, null, search(settings, p),
                    changes(settings, p), null);
            case LINK -> new JobDefinition(name, kind, cron, zone, missed, dryRun, cap, null, search(settings, p),
                    null, settings.required(p + "parent", "a link job links under this ticket number"));
        };
    }

    /** The cron in its zone; refuses one that is not a Quartz cron expression. */
    static CronExpression cron(String key, String cron, ZoneId zone) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalStateException(key + " is not a Quartz cron expression ('" + cron + "'): "
                    + e.getMessage());
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        return expression;
    }

    /** The cron's next fire after {@code now}; refuses one that is not a cron or never fires again. */
    static Instant nextFire(String key, String cron, ZoneId zone, Instant now) {
        Date next = cron(key, cron, zone).getNextValidTimeAfter(Date.from(now));
        if (next == null) {
            throw new IllegalStateException(key + " never fires again ('" + cron + "')");
        }
        return next.toInstant();
    }

    private static TicketTemplate template(Settings settings, String p) {
        TextTemplate subject = TextTemplate.parse(p + "subject", settings.required(p + "subject",
                "a create job needs the ticket's subject"), false);
        String messageText = settings.required(p + "message", "a create job needs the ticket's message");
        TextTemplate message = TextTemplate.parse(p + "message", messageText, false);
        String due = settings.text(p + "due-in-days", null);
        String topic = settings.text(p + "topic-id", null);
        return new TicketTemplate(subject, message, settings.text(p + "requester-name", "osTicket Gateway"),
                settings.required(p + "requester-email", "osTicket needs the email of the ticket's user"),
                settings.text(p + "department", null), settings.text(p + "priority", null),
                topic == null ? null : (long) settings.integer(p + "topic-id", 0), settings.text(p + "assignee", null),
                due == null ? null : settings.integer(p + "due-in-days", 0), settings.list(p + "children"),
                TextTemplate.parse(p + "child-subject", settings.text(p + "child-subject", "{child}"), true),
                TextTemplate.parse(p + "child-message", settings.text(p + "child-message", messageText), true));
    }

    private static TicketSearch search(Settings settings, String p) {
        TicketSearch search = new TicketSearch(settings.text(p + "search.status", null),
                settings.text(p + "search.department", null), settings.text(p + "search.query", null),
                settings.text(p + "search.older-than-hours", null) == null ? null
                        : settings.integer(p + "search.older-than-hours", 0),
                AgeBy.parse(p + "search.age-by", settings.text(p + "search.age-by", "updated")));
        if (search.status() == null && search.department() == null && search.query() == null) {
            throw new IllegalStateException(p + "search.status, " + p + "search.department or " + p
                    + "search.query must be set: a job never acts on every ticket");
        }
        return search;
    }

    private static TicketChanges changes(Settings settings, String p) {
        String note = settings.text(p + "note", null);
        TicketChanges changes = new TicketChanges(settings.text(p + "set.status", null),
                settings.text(p + "set.priority", null), settings.text(p + "set.department", null),
                settings.text(p + "set.assignee", null), note == null ? null : TextTemplate.parse(p + "note", note, false));
        if (changes.describe().isEmpty()) {
            throw new IllegalStateException(p + "set.status, set.priority, set.department, set.assignee or note "
                    + "must be set: an update job needs something to change");
        }
        return changes;
    }
}
