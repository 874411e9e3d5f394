package org.osticketgateway.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.cluster.LedRoutes;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.component.OsTicketComponent;
import org.osticketgateway.state.StateStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the job definitions, checks each against osTicket (a problem stops start-up with a sentence
 * naming its key), binds the {@code jobs} bean the job routes call, and adds one scheduled route per
 * job from the {@code scheduled-job} template in {@code routes/scheduled-jobs.yaml}. The ledger of
 * fires is a file in {@code gateway.data-dir}. Runs once before the routes start.
 */
public final class JobSetup {

    private static final Logger LOG = LoggerFactory.getLogger(JobSetup.class);

    private JobSetup() {
    }

    public static void install(CamelContext camel, Settings settings, DepartmentLookup departments) throws Exception {
        Clock clock = Clock.systemUTC();
        Map<String, JobDefinition> jobs = JobDefinitions.load(settings, clock.instant());
        OsTicketClient client = camel.getComponent("osticket", OsTicketComponent.class).client();
        JobServerCheck check = new JobServerCheck(client, departments);
        for (JobDefinition job : jobs.values()) {
            List<String> problems = check.problems(job);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.get(0));
            }
        }
        StateRepository<String, String> states = new StateStores(settings).open("jobs", "state.store", "job-ledger.dat",
                64L * 1024 * 1024, new ConcurrentHashMap<>());
        // Started now, not with the context: the fires to catch up on are read before any route can fire.
        states.start();
        camel.addService(states);
        // All jobs on one gateway: the fires to catch up on (jobs-at-start) are judged with every job's ledger.
        LedRoutes led = LedRoutes.of(camel);
        led.lead("jobs-at-start", "jobs", List.of(states));
        JobService service = new JobService(jobs, Map.of(JobKind.CREATE, new CreateWork(client),
                JobKind.UPDATE, new UpdateWork(client), JobKind.LINK, new LinkWork(client)), new JobLedger(states), clock);
        camel.getRegistry().bind("jobs", service);
        led.onLead("jobs", service::takeOver);
        for (JobDefinition job : jobs.values()) {
            led.lead("job-" + job.name(), "jobs", List.of(states));
            TemplatedRouteBuilder.builder(camel, "scheduled-job")
                    .routeId("job-" + job.name())
                    .parameter("name", job.name())
                    .parameter("cron", job.cron())
                    .parameter("timezone", job.zone().getId())
                    .add();
            LOG.info("Job {} ({}) scheduled at '{}' ({}), next at {}{}", job.name(), job.kind().name().toLowerCase(),
                    job.cron(), job.zone(), JobDefinitions.nextFire(job.key("cron"), job.cron(), job.zone(),
                            clock.instant()), job.dryRun() ? "; dry run: it only logs what it would do" : "");
        }
    }
}
