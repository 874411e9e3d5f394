package org.osticketgateway.job;

import java.time.Instant;

/**
 * Names one fire of a job: the job and the time it was scheduled for ({@code patching@2026-12-07T06:00:00Z}),
 * or the time it was asked for on the management port ({@code patching@manual-2026-12-07T09:12:31.512Z}).
 * What a fire writes into osTicket carries this id, so that a fire cut short is completed, not repeated.
 */
public record FireId(String job, Instant at, boolean manual) {

    private static final String MANUAL = "manual-";

    static FireId scheduled(String job, Instant at) {
        return new FireId(job, at, false);
    }

    static FireId manual(String job, Instant at) {
        return new FireId(job, at, true);
    }

    static FireId parse(String text) {
        int at = text.indexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException("not a fire id: '" + text + "'");
        }
        String when = text.substring(at + 1);
        boolean manual = when.startsWith(MANUAL);
        return new FireId(text.substring(0, at), Instant.parse(manual ? when.substring(MANUAL.length()) : when), manual);
    }

    @Override
    public String toString() {
        return job + "@" + (manual ? MANUAL : "") + at;
    }
}
