package org.osticketgateway.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osticketgateway.osticket.OriginMarker;

/**
 * One run of one fire: the actions done in an earlier run of the same fire (before a crash) are
 * taken as done, an action started then with its outcome unknown is looked for in osTicket by the
 * marker it wrote, and everything else is done now. In a dry run nothing is written, not even here.
 */
final class FireRun {

    private final JobDefinition job;
    private final FireId fire;
    private final JobLedger ledger;
    private final Clock clock;
    private final Map<String, JobResult> results = new LinkedHashMap<>();

    FireRun(JobDefinition job, FireId fire, JobLedger ledger, Clock clock) {
        this.job = job;
        this.fire = fire;
        this.ledger = ledger;
        this.clock = clock;
        if (!job.dryRun()) {
            ledger.done(fire).forEach(r -> results.put(r.key(), r));
        }
    }

    JobDefinition job() {
        return job;
    }

    /** The fire's time in the job's zone, which date placeholders read. */
    ZonedDateTime at() {
        return fire.at().atZone(job.zone());
    }

    Instant now() {
        return clock.instant();
    }

    boolean dryRun() {
        return job.dryRun();
    }

    /** The marker written into what this action makes, e.g. {@code [osticket-gateway job patching@…/child-2]}. */
    OriginMarker marker(String key) {
        return OriginMarker.of("job", fire + "/" + key);
    }

    /** The result of this action from an earlier run of the fire, or null. */
    JobResult doneBefore(String key) {
        return results.get(key);
    }

    /** When an earlier run of the fire started this action and did not see it through, or null. */
    Instant startedBefore(String key) {
        return dryRun() ? null : ledger.startedBefore(fire, key);
    }

    /** When this job last changed the ticket its key names, in any fire; null if never (or in a dry run). */
    Instant changedBefore(String key) {
        return dryRun() ? null : ledger.changed(job.name(), key);
    }

    void changed(String key) {
        if (!dryRun()) {
            ledger.changed(job.name(), key, clock.instant());
        }
    }

    void starting(String key) {
        if (!dryRun()) {
            ledger.started(fire, key, clock.instant());
        }
    }

    /** Keeps the action's result, so a later run of this fire takes the action as done. */
    JobResult record(String key, String action, String ticket, JobResult.Outcome outcome, String detail) {
        JobResult result = new JobResult(job.name(), fire.toString(), key, action, ticket,
                dryRun() ? JobResult.Outcome.DRY_RUN : outcome, detail);
        if (!dryRun()) {
            ledger.done(fire, result);
        }
        results.put(key, result);
        return result;
    }

    /** Applied or dry-run actions of the given kind so far, which the cap per run counts. */
    int counted(String action) {
        return (int) results.values().stream().filter(r -> r.action().equals(action))
                .filter(r -> r.isApplied() || r.isDryRun()).count();
    }

    List<JobResult> results() {
        return new ArrayList<>(results.values());
    }
}
