package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLedgerTest {

    @TempDir
    Path dir;

    private FileStateRepository file() throws Exception {
        FileStateRepository states = FileStateRepository.fileStateRepository(dir.resolve("job-ledger.dat").toFile());
        states.start();
        return states;
    }

    @Test
    void anOpenFireItsDoneActionsAndItsStartedOneSurviveARestartUntilFinished() throws Exception {
        FireId fire = FireId.scheduled("patching", Instant.parse("2026-12-01T06:00:00Z"));
        JobResult parent = new JobResult("patching", fire.toString(), "parent", "create", "123456",
                JobResult.Outcome.APPLIED, "'Patching December'");
        FileStateRepository first = file();
        JobLedger ledger = new JobLedger(first);
        ledger.opened(fire);
        ledger.started(fire, "parent", Instant.parse("2026-12-01T06:00:01Z"));
        ledger.done(fire, parent);
        ledger.started(fire, "child-1", Instant.parse("2026-12-01T06:00:02Z"));
        first.stop();

        JobLedger again = new JobLedger(file());
        assertThat(again.openFire("patching")).isEqualTo(fire);
        assertThat(again.done(fire)).containsExactly(parent);
        assertThat(again.startedBefore(fire, "parent")).isNull();
        assertThat(again.startedBefore(fire, "child-1")).isEqualTo(Instant.parse("2026-12-01T06:00:02Z"));

        again.finished(fire, List.of(parent));
        assertThat(again.openFire("patching")).isNull();
        assertThat(again.done(fire)).isEmpty();
    }

    @Test
    void fireIdsReadBackAsWritten() {
        FireId scheduled = FireId.scheduled("close-resolved", Instant.parse("2026-12-01T02:30:00Z"));
        FireId manual = FireId.manual("close-resolved", Instant.parse("2026-12-01T09:12:31.512Z"));

        assertThat(scheduled).hasToString("close-resolved@2026-12-01T02:30:00Z");
        assertThat(manual).hasToString("close-resolved@manual-2026-12-01T09:12:31.512Z");
        assertThat(FireId.parse(scheduled.toString())).isEqualTo(scheduled);
        assertThat(FireId.parse(manual.toString())).isEqualTo(manual);
    }
}
