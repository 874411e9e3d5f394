package org.osticketgateway.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.events.FirstReadPace;
import org.osticketgateway.events.PollBudget;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.model.StatsQuery;
import org.osticketgateway.report.ReportBuilder;
import org.osticketgateway.report.ReportDefinition;
import org.osticketgateway.report.ReportPeriod;
import org.osticketgateway.retry.MovableClock;

/**
 * What the events flow and a daily report cost one osTicket, measured call by call: the server
 * time of the poller's start, of one poll with no change, of one sweep, of a report counted from
 * osTicket and of one counted from the events flow's state. {@code serverTime} is the server's own
 * account where it keeps one (the sandbox), else the calls' time from request to answer.
 */
final class HelpdeskCost {

    /** One step's calls and the server time they took. */
    record Step(long calls, Duration serverTime) {

        String seconds() {
            return String.format("%,.1f s", serverTime.toMillis() / 1000.0);
        }
    }

    /** What an hour of the events flow with its defaults costs: polls, sweeps, and their share. */
    record Hour(long polls, long sweeps, Duration pollInterval, Duration serverTime) {

        double share() {
            return serverTime.toMillis() / 3_600_000.0;
        }
    }

    /** Everything measured on one helpdesk. */
    record Measured(Step start, Step poll, Step sweep, Step stats, Step reportFromServer, Step reportFromState) {
    }

    private final OsTicketClient client;
    private final Supplier<Long> calls;
    private final Supplier<Duration> serverTime;

    HelpdeskCost(OsTicketClient client, Supplier<Long> calls, Supplier<Duration> serverTime) {
        this.client = client;
        this.calls = calls;
        this.serverTime = serverTime;
    }

    Measured measure(Path dir) throws Exception {
        Map<String, String> view = new ConcurrentHashMap<>();
        FileStateRepository state = new FileStateRepository(dir.resolve("events.dat").toFile(), view);
        // As the gateway keeps it (EventSetup): one snapshot a ticket, without rewriting the file for each.
        state.setMaxFileStoreSize(256L * 1024 * 1024);
        state.start();
        try {
            ChangeDetector detector = new ChangeDetector(client, state, view, Clock.systemUTC(), Duration.ofSeconds(2),
                    "now", FirstReadPace.unpaced());
            Step start = step(() -> detector.poll(e -> { }));
            Step poll = step(() -> detector.poll(e -> { }));
            Step sweep = step(() -> detector.sweep(e -> { }));
            Step stats = step(() -> client.getStats(StatsQuery.all()));
            ReportDefinition daily = new ReportDefinition("daily", "0 0 8 * * ?", "UTC", ReportPeriod.DAY, null, false,
                    List.of(), 10);
            Step fromServer = step(() -> new ReportBuilder(client, null, Clock.systemUTC()).build(daily, null));
            Step fromState = step(() -> new ReportBuilder(client, detector.states(), Clock.systemUTC())
                    .build(daily, null));
            return new Measured(start, poll, sweep, stats, fromServer, fromState);
        } finally {
            state.stop();
        }
    }

    /**
     * An hour of polling as the gateway's own {@link PollBudget} paces it with the defaults
     * (poll-delay 10 s, server-share 0.02, a sweep every 30 polls), each poll costing what
     * {@code poll} cost and each sweep what {@code sweep} cost: the budget runs on a simulated
     * clock, so that an hour at 100,000 tickets takes no hour.
     */
    static Hour hour(Step poll, Step sweep) {
        MovableClock clock = new MovableClock();
        Instant end = clock.instant().plus(Duration.ofHours(1));
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), 0.02, clock);
        long polls = 0;
        long sweeps = 0;
        Duration spent = Duration.ZERO;
        while (clock.instant().isBefore(end)) {
            if (budget.begin()) {
                polls++;
                Duration cost = poll.serverTime();
                if (polls % 30 == 0) {
                    sweeps++;
                    cost = cost.plus(sweep.serverTime());
                }
                spent = spent.plus(cost);
                budget.spent(cost);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        Duration paced = Duration.ofNanos((long) (poll.serverTime().toNanos() / 0.02));
        return new Hour(polls, sweeps, paced.compareTo(Duration.ofSeconds(10)) > 0 ? paced : Duration.ofSeconds(10),
                spent);
    }

    private Step step(Work work) throws Exception {
        long callsBefore = calls.get();
        Duration before = serverTime.get();
        work.run();
        return new Step(calls.get() - callsBefore, serverTime.get().minus(before));
    }

    /** Work that may throw. */
    interface Work {
        void run() throws Exception;
    }
}
