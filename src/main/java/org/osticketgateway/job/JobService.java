package org.osticketgateway.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code routes/scheduled-jobs.yaml} calls: names each fire, runs it once (a fire cut short by a
 * crash is completed, at start or at the job's next fire), and at start hands over the fires to catch
 * up on: those cut short, and the last one missed while the gateway was down where the job says
 * {@code missed = run}. One fire of a job at a time.
 */
public final class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final Map<String, JobDefinition> jobs;
    private final Map<JobKind, JobWork> work;
    private final JobLedger ledger;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile List<String> atStart;
    /** Fires handed over at start and not yet run: a job's own next fire may complete or supersede them first. */
    private final Set<String> notYetRunFromStart;

    JobService(Map<String, JobDefinition> jobs, Map<JobKind, JobWork> work, JobLedger ledger, Clock clock) {
        this.jobs = Map.copyOf(jobs);
        this.work = Map.copyOf(work);
        this.ledger = ledger;
        this.clock = clock;
        this.atStart = catchUp();
        this.notYetRunFromStart = ConcurrentHashMap.newKeySet();
        notYetRunFromStart.addAll(atStart);
    }

    public boolean has(String name) {
        return jobs.containsKey(name);
    }

    /** The id of a fire Quartz scheduled for {@code scheduledFireTime}. */
    public String scheduledFire(String name, Date scheduledFireTime) {
        return FireId.scheduled(name, scheduledFireTime.toInstant()).toString();
    }

    /** The id of a fire asked for now ({@code POST /jobs/<name>}). */
    public String manualFire(String name) {
        return FireId.manual(name, clock.instant()).toString();
    }

    /** The fires to run once the routes have started: each job's fire cut short, then its missed one. */
    public List<String> firesAtStart() {
        return atStart;
    }

    /**
     * In a cluster, on taking the jobs over from another gateway (their ledger read to its end), before
     * their routes start: the fires to catch up on are judged again, as at start.
     */
    public void takeOver() {
        atStart = catchUp();
        notYetRunFromStart.addAll(atStart);
    }

    /**
     * Runs a fire and returns the result of each of its actions, those done before an interruption
     * included. A job's older fire still open (cut short) is completed first.
     */
    public List<JobResult> run(String fireId) {
        FireId fire = FireId.parse(fireId);
        JobDefinition job = jobs.get(fire.job());
        if (job == null) {
            LOG.warn("Fire {} was cut short, but no job {} is configured now (jobs.names): not completed", fire,
                    fire.job());
            return List.of();
        }
        synchronized (locks.computeIfAbsent(job.name(), name -> new Object())) {
            Instant last = ledger.lastScheduled(job.name());
            FireId open = ledger.openFire(job.name());
            if (notYetRunFromStart.remove(fireId) && !fire.equals(open)
                    && (fire.manual() || (last != null && !last.isBefore(fire.at())))) {
                LOG.info("Job {}: fire {} was already completed or superseded by a later fire: not run again",
                        job.name(), fire);
                return List.of();
            }
            if (!fire.manual() && (last == null || last.isBefore(fire.at()))) {
                // Remembered as it starts, to tell at the next start which fires fell while the gateway was down.
                ledger.scheduled(job.name(), fire.at());
            }
            List<JobResult> results = new ArrayList<>();
            if (open != null && !open.equals(fire) && !job.dryRun()) {
                LOG.info("Job {}: completing fire {}, cut short, before fire {}", job.name(), open, fire);
                results.addAll(runOne(job, open));
            }
            results.addAll(runOne(job, fire));
            return results;
        }
    }

    private List<JobResult> runOne(JobDefinition job, FireId fire) {
        if (!job.dryRun()) {
            ledger.opened(fire);
        }
        FireRun run = new FireRun(job, fire, ledger, clock);
        work.get(job.kind()).run(run);
        return run.results();
    }

    /** After the results are logged and published: the fires they belong to are done with. */
    public void finished(String fireId, List<JobResult> results) {
        Map<String, List<JobResult>> byFire = results.stream().collect(Collectors.groupingBy(JobResult::fire));
        byFire.putIfAbsent(fireId, List.of());
        byFire.forEach((fire, theirs) -> ledger.finished(FireId.parse(fire), theirs));
    }

    /** One line for the caller of {@code POST /jobs/<name>}: what the fire did, counted by outcome. */
    public String summary(String fireId, List<JobResult> results) {
        Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(r -> r.outcome().apiName(),
                TreeMap::new, Collectors.counting()));
        return "fire " + fireId + ": " + (counts.isEmpty() ? "nothing to do" : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))) + "\n"
                + results.stream().map(r -> r.line() + "\n").collect(Collectors.joining());
    }

    private List<String> catchUp() {
        Instant now = clock.instant();
        List<String> fires = new ArrayList<>();
        for (JobDefinition job : jobs.values()) {
            FireId open = ledger.openFire(job.name());
            if (open != null) {
                LOG.info("Job {}: fire {} was cut short; it is completed now, not repeated", job.name(), open);
                fires.add(open.toString());
            }
            Instant last = ledger.lastScheduled(job.name());
            if (last == null) {
                ledger.scheduled(job.name(), now);
                continue;
            }
            MissedFires missed = MissedFires.between(job, last, now);
            if (missed.last() == null) {
                continue;
            }
            String what = "Job " + job.name() + " missed " + missed.count() + " fire" + (missed.count() == 1 ? "" : "s")
                    + " while the gateway was down (the last at " + missed.last() + ")";
            if (job.missed() == MissedFire.RUN) {
                LOG.info("{}: running it once now ({}=run)", what, job.key("missed"));
                fires.add(FireId.scheduled(job.name(), missed.last()).toString());
            } else {
                LOG.info("{}: skipped ({}=skip)", what, job.key("missed"));
                ledger.scheduled(job.name(), missed.last());
            }
        }
        return List.copyOf(fires);
    }
}
