package org.osticketgateway.job;

import java.time.Instant;
import java.util.Date;
import org.quartz.CronExpression;

/** The fires a job's cron had between two instants: how many, and the last of them. */
record MissedFires(int count, Instant last) {

    /** Counting stops here: a cron every second, down for a month, needs no exact count. */
    private static final int MAX_COUNTED = 1_000_000;

    /** The fires after {@code from} up to and including {@code to}; {@code last} is null when there are none. */
    static MissedFires between(JobDefinition job, Instant from, Instant to) {
        CronExpression cron = JobDefinitions.cron(job.key("cron"), job.cron(), job.zone());
        int count = 0;
        Instant last = null;
        Date next = cron.getNextValidTimeAfter(Date.from(from));
        while (next != null && !next.toInstant().isAfter(to) && count < MAX_COUNTED) {
            count++;
            last = next.toInstant();
            next = cron.getNextValidTimeAfter(next);
        }
        return new MissedFires(count, last);
    }
}
