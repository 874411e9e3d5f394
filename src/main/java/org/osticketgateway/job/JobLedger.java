package org.osticketgateway.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.state.StateKey;

/**
 * What the jobs did, kept across restarts in this gateway's data folder: per job the fire still open
 * (started, not finished: a crash cut it short) and the last scheduled fire (to find fires missed
 * while down); per fire the actions done (with their results) and the one started whose outcome is
 * unknown. Empty values mean none: the file repository keeps keys.
 */
final class JobLedger {

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
        forget("done:" + fire);
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
        String value = get("done:" + fire);
        List<JobResult> results = new ArrayList<>();
        if (value != null) {
            for (String line : value.split("\u001e")) {
                results.add(JobResult.fromJson(line));
            }
        }
        return results;
    }

    void done(FireId fire, JobResult result) {
        String value = get("done:" + fire);
        states.setState(StateKey.of("done:" + fire), (value == null ? "" : value + "\u001e") + result.toJson());
        forget(action(fire, result.key()));
    }

    /** When the action was started in an earlier run of this fire, its outcome unknown; or null. */
    Instant startedBefore(FireId fire, String key) {
        String value = get(action(fire, key));
        return value == null ? null : Instant.parse(value);
    }

    void started(FireId fire, String key, Instant at) {
        states.setState(StateKey.of(action(fire, key)), at.toString());
    }

    private static String action(FireId fire, String key) {
        return "action:" + fire + "/" + key;
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
