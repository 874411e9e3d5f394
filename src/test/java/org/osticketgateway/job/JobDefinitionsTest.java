package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.osticketgateway.Settings;

class JobDefinitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Map<String, JobDefinition> load(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(properties);
        return JobDefinitions.load(new Settings(camel.getPropertiesComponent()), NOW);
    }

    private static final String[] UPDATE = {"jobs.names", "j", "job.j.kind", "update", "job.j.cron", "0 0 * * * ?",
        "job.j.search.status", "Resolved", "job.j.set.status", "Closed"};

    private static String[] update(String... more) {
        String[] all = new String[UPDATE.length + more.length];
        System.arraycopy(UPDATE, 0, all, 0, UPDATE.length);
        System.arraycopy(more, 0, all, UPDATE.length, more.length);
        return all;
    }

    @Test
    void aChecklistIsReadWithItsDefaults() {
        JobDefinition job = load("jobs.names", "patching", "job.patching.kind", "Create",
                "job.patching.cron", "0 0 6 1 * ?", "job.patching.timezone", "Europe/Berlin",
                "job.patching.subject", "Patching {month-name}", "job.patching.message", "Patch {date}",
                "job.patching.requester-email", "ops@example.com", "job.patching.children", "web-01, db-01",
                "job.patching.due-in-days", "7").get("patching");

        assertThat(job.kind()).isEqualTo(JobKind.CREATE);
        assertThat(job.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(job.missed()).isEqualTo(MissedFire.RUN);
        assertThat(job.dryRun()).isFalse();
        assertThat(job.maxPerRun()).isEqualTo(50);
        assertThat(job.ticket().children()).containsExactly("web-01", "db-01");
        assertThat(job.ticket().requesterName()).isEqualTo("osTicket Gateway");
        assertThat(job.ticket().childSubject().text()).isEqualTo("{child}");
        assertThat(job.ticket().childMessage().text()).isEqualTo("Patch {date}");
        assertThat(job.ticket().dueInDays()).isEqualTo(7);
    }

    @Test
    void anUpdateReadsItsSearchAndChanges() {
        JobDefinition job = load(update("job.j.search.older-than-hours", "168", "job.j.search.age-by", "due",
                "job.j.missed", "skip", "job.j.max-per-run", "5")).get("j");

        assertThat(job.search()).isEqualTo(new TicketSearch("Resolved", null, null, 168, AgeBy.DUE));
        assertThat(job.changes().describe()).isEqualTo("status Closed");
        assertThat(job.missed()).isEqualTo(MissedFire.SKIP);
        assertThat(job.maxPerRun()).isEqualTo(5);
    }

    @Test
    void eachWrongValueStopsStartUpNamingItsKey() {
        assertThatThrownBy(() -> load(update("job.j.cron", "every hour")))
                .hasMessageStartingWith("job.j.cron is not a Quartz cron expression ('every hour')");
        assertThatThrownBy(() -> load(update("job.j.cron", "0 0 0 1 1 ? 2025")))
                .hasMessage("job.j.cron never fires again ('0 0 0 1 1 ? 2025')");
        assertThatThrownBy(() -> load(update("job.j.timezone", "Mars/Olympus")))
                .hasMessageStartingWith("job.j.timezone is not a time zone");
        assertThatThrownBy(() -> load(update("job.j.kind", "delete")))
                .hasMessage("job.j.kind must be create, update or link, not 'delete'");
        assertThatThrownBy(() -> load(update("job.j.missed", "later")))
                .hasMessage("job.j.missed must be run or skip, not 'later'");
        assertThatThrownBy(() -> load(update("job.j.search.age-by", "closed")))
                .hasMessage("job.j.search.age-by must be created, updated or due, not 'closed'");
        assertThatThrownBy(() -> load(update("job.j.max-per-run", "0")))
                .hasMessage("job.j.max-per-run must be at least 1, not 0");
        assertThatThrownBy(() -> load(update("job.j.note", "Closed {today}")))
                .hasMessageStartingWith("job.j.note uses {today}, which is no placeholder");
        assertThatThrownBy(() -> load("jobs.names", "a b"))
                .hasMessage("jobs.names: 'a b' is not a job name (letters, digits, - and _)");
    }

    @Test
    void aJobNeverActsOnEveryTicketNorChangesNothing() {
        assertThatThrownBy(() -> load("jobs.names", "j", "job.j.kind", "update", "job.j.cron", "0 0 * * * ?",
                "job.j.set.status", "Closed"))
                .hasMessageStartingWith("job.j.search.status, job.j.search.department or job.j.search.query must be set");
        assertThatThrownBy(() -> load("jobs.names", "j", "job.j.kind", "update", "job.j.cron", "0 0 * * * ?",
                "job.j.search.status", "Open"))
                .hasMessageStartingWith("job.j.set.status, set.priority, set.department, set.assignee or note must be set");
        assertThatThrownBy(() -> load("jobs.names", "j", "job.j.kind", "link", "job.j.cron", "0 0 * * * ?",
                "job.j.search.query", "INC-1"))
                .hasMessage("job.j.parent is not set: a link job links under this ticket number");
    }

    @Test
    void missedFiresAreCountedFromTheCronInItsZone() {
        JobDefinition job = load(update("job.j.cron", "0 0 6 ? * MON", "job.j.timezone", "Europe/Berlin")).get("j");

        MissedFires missed = MissedFires.between(job, Instant.parse("2026-11-20T00:00:00Z"), NOW);

        assertThat(missed.count()).isEqualTo(2);
        assertThat(missed.last()).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        assertThat(MissedFires.between(job, missed.last(), NOW).last()).isNull();
    }
}
