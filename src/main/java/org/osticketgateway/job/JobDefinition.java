package org.osticketgateway.job;

import java.time.ZoneId;

/**
 * One configured job: when it fires (a Quartz cron in a zone), what becomes of a fire missed while
 * the gateway was down, whether it only says what it would do ({@code dryRun}), how many tickets one
 * run changes or links at most, and its kind's part: the ticket to create ({@code ticket}), the
 * search whose tickets it changes or links ({@code search}), the changes ({@code changes}) and the
 * parent ticket's number to link under ({@code parent}). Parts other kinds do not use are null.
 */
public record JobDefinition(String name, JobKind kind, String cron, ZoneId zone, MissedFire missed, boolean dryRun,
                            int maxPerRun, TicketTemplate ticket, TicketSearch search, TicketChanges changes,
                            String parent) {

    /** The configuration key of one of this job's settings, as sentences name it. */
    String key(String setting) {
        return "job." + name + "." + setting;
    }
}
