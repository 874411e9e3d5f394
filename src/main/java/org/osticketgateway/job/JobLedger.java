package org.osticketgateway.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.state.StateKey;

/**
 * What the jobs did, kept across restarts in this gateway's data folder: per job the fire still open
 * (started, not finished: a crash cut it short), the last scheduled fire (to find fires missed while
 * down), the open fire's actions done (with their results) and the one started whose outcome is
 * unknown, and when an update job last changed each ticket. Keys are per job and action, never per
 * fire (one fire of a job is open at a time; the value names it), so the file stays as large as the
 * jobs' work, not their history. Empty values mean none: the file repository keeps keys.
 */
final class JobLedger {

    /** Between a value's fire id and the rest, and between the results of one fire. */
    private static final String UNIT = "\u001f";
    private static final String RECORDS = "\u001e";

    private final StateRepository<String, String> states;

    JobLedger(StateRepository<String, String> states) {
        this.states = states;
    }

    /** The fire of this job that was started and not finished, or null. */
    FireId openFire(String job) {
        String value = get("open:" + job);
        return value == null ? null : FireId.parse(value);
    }

    void opened(FireId fire) {
        states.setState(StateKey.of("open:" + fire.job()), fire.toString());
    }

    /** The fire is finished: its actions and results are forgotten. */
    void finished(FireId fire, List<JobResult> results) {
        for (JobResult result : results) {
            forget(action(fire, result.key()));
        }
        if (ofFire(fire, get(done(fire.job()))) != null) {
            forget(done(fire.job()));
        }
        if (fire.toString().equals(get("open:" + fire.job()))) {
            forget("open:" + fire.job());
        }
    }

    /** The scheduled time of the job's last fire, or when the gateway first knew the job; null if never. */
    Instant lastScheduled(String job) {
        String value = get("scheduled:" + job);
        return value == null ? null : Instant.parse(value);
    }

    void scheduled(String job, Instant at) {
        states.setState(StateKey.of("scheduled:" + job), at.toString());
    }

    /** The results of the actions this fire has done so far, in order. */
    List<JobResult> done(FireId fire) {
        String value = ofFire(fire, get(done(fire.job())));
        List<JobResult> results = new ArrayList<>();
        if (value != null && !value.isEmpty()) {
            for (String line : value.split(RECORDS)) {
                results.add(JobResult.fromJson(line));
            }
        }
        return results;
    }

    void done(FireId fire, JobResult result) {
        String value = ofFire(fire, get(done(fire.job())));
        states.setState(StateKey.of(done(fire.job())), fire + UNIT
                + (value == null || value.isEmpty() ? "" : value + RECORDS) + result.toJson());
        forget(action(fire, result.key()));
    }

    /** When the action was started in an earlier run of this fire, its outcome unknown; or null. */
    Instant startedBefore(FireId fire, String key) {
        String value = ofFire(fire, get(action(fire, key)));
        return value == null ? null : Instant.parse(value);
    }

    void started(FireId fire, String key, Instant at) {
        states.setState(StateKey.of(action(fire, key)), fire + UNIT + at);
    }

    /** When this job last changed the ticket its key names, or null. */
    Instant changed(String job, String key) {
        String value = get("changed:" + job + "/" + key);
        return value == null ? null : Instant.parse(value);
    }

    void changed(String job, String key, Instant at) {
        states.setState(StateKey.of("changed:" + job + "/" + key), at.toString());
    }

    private static String done(String job) {
        return "done:" + job;
    }

    private static String action(FireId fire, String key) {
        return "action:" + fire.job() + "/" + key;
    }

    /** What follows the fire's id in a value written by {@code fire}; null when another fire wrote it. */
    private static String ofFire(FireId fire, String value) {
        String prefix = fire + UNIT;
        return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : null;
    }

    private String get(String key) {
        String value = states.getState(StateKey.of(key));
        return value == null || value.isEmpty() ? null : value;
    }

    private void forget(String key) {
        if (get(key) != null) {
            states.setState(StateKey.of(key), "");
        }
    }
}
