package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

/** Which fires run at start and which do not, with a job whose each fire makes one applied result. */
class JobServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:30:00Z");
    private static final JobWork ONE_ACTION = run -> {
        if (run.doneBefore("a") == null) {
            run.record("a", "update", "100001", JobResult.Outcome.APPLIED, "x");
        }
    };

    private final MemoryStateRepository states = new MemoryStateRepository();

    private JobService service(MissedFire missed) {
        JobDefinition hourly = new JobDefinition("hourly", JobKind.UPDATE, "0 0 * * * ?", ZoneOffset.UTC, missed,
                false, 50, null, null, null, null);
        return new JobService(Map.of("hourly", hourly), Map.of(JobKind.UPDATE, ONE_ACTION), new JobLedger(states),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String fire(String at) {
        return FireId.scheduled("hourly", Instant.parse(at)).toString();
    }

    @Test
    void aJobSeenForTheFirstTimeHasNothingToCatchUp() {
        assertThat(service(MissedFire.RUN).firesAtStart()).isEmpty();
        assertThat(new JobLedger(states).lastScheduled("hourly")).isEqualTo(NOW);
    }

    @Test
    void theLastFireMissedWhileDownRunsOnceOrIsSkipped() {
        new JobLedger(states).scheduled("hourly", Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(service(MissedFire.RUN).firesAtStart()).containsExactly(fire("2026-12-01T10:00:00Z"));

        MemoryStateRepository other = new MemoryStateRepository();
        new JobLedger(other).scheduled("hourly", Instant.parse("2026-12-01T07:00:00Z"));
        JobDefinition hourly = new JobDefinition("hourly", JobKind.UPDATE, "0 0 * * * ?", ZoneOffset.UTC,
                MissedFire.SKIP, false, 50, null, null, null, null);
        JobService skipping = new JobService(Map.of("hourly", hourly), Map.of(JobKind.UPDATE, ONE_ACTION),
                new JobLedger(other), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(skipping.firesAtStart()).isEmpty();
        assertThat(new JobLedger(other).lastScheduled("hourly")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aGatewayTakingTheJobsOverJudgesWhatToCatchUpOnFromTheLedgerAsItIsThen() {
        JobService follower = service(MissedFire.RUN);
        assertThat(follower.firesAtStart()).isEmpty();
        // The leader's fire was cut short by its death after this gateway had started.
        String cut = fire("2026-12-01T10:00:00Z");
        new JobLedger(states).opened(FireId.parse(cut));

        follower.takeOver();
        assertThat(follower.firesAtStart()).containsExactly(cut);
    }

    @Test
    void aFireCutShortIsCompletedOnceEvenWhenTheJobsNextFireGetsThereFirst() {
        JobService before = service(MissedFire.RUN);
        String cut = before.scheduledFire("hourly", Date.from(NOW));
        new JobLedger(states).opened(FireId.parse(cut));

        JobService after = service(MissedFire.RUN);
        assertThat(after.firesAtStart()).containsExactly(cut);
        String next = fire("2026-12-01T11:00:00Z");
        List<JobResult> nextResults = after.run(next);
        after.finished(next, nextResults);

        assertThat(nextResults).extracting(JobResult::fire).containsExactly(cut, next);
        assertThat(after.run(cut)).isEmpty();
    }

    @Test
    void aFireRunAgainAfterACrashReturnsWhatItHadDoneAndDoesNotDoItAgain() {
        JobService gateway = service(MissedFire.RUN);
        String now = fire("2026-12-01T10:00:00Z");

        List<JobResult> first = gateway.run(now);
        List<JobResult> again = gateway.run(now);

        assertThat(first).hasSize(1);
        assertThat(again).containsExactlyElementsOf(first);
    }
}
