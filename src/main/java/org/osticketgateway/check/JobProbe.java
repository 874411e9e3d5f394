package org.osticketgateway.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.osticketgateway.job.JobDefinition;
import org.osticketgateway.job.JobKind;
import org.osticketgateway.job.JobServerCheck;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.SubticketCrash;
import org.osticketgateway.osticket.model.SearchPage;
import org.osticketgateway.osticket.model.SearchQuery;
import org.osticketgateway.osticket.model.TicketRef;

/**
 * Each configured job as the gateway checks it at start (statuses and departments osTicket knows,
 * what its dialect cannot do: a problem there stops start-up), then its search tried, and for a link
 * job its parent's children listed, as a fire does first. Nothing is written.
 */
final class JobProbe {

    private static final int PAGE = SearchQuery.MAX_LIMIT;

    private final OsTicketClient client;

    JobProbe(OsTicketClient client) {
        this.client = client;
    }

    List<Finding> run(CheckConfiguration configuration) {
        List<Finding> findings = new ArrayList<>();
        JobServerCheck check = new JobServerCheck(client, new DepartmentProbe(client));
        for (JobDefinition job : configuration.jobs()) {
            String topic = "job " + job.name();
            List<String> problems = check.problems(job);
            problems.forEach(p -> findings.add(Finding.fail(topic, p + ": the gateway would not start",
                    EnumSet.of(Flow.CONNECTION, Flow.JOBS))));
            if (problems.isEmpty() && job.search() == null) {
                findings.add(Finding.ok(topic, "osTicket knows what it creates tickets with"
                        + (job.ticket().children().isEmpty() ? "" : "; its children are linked through the subticket "
                        + "API, or created with their parent set where those endpoints crash (see subtickets)")));
            }
            if (job.search() != null) {
                findings.add(search(topic, job));
            }
            if (job.kind() == JobKind.LINK) {
                findings.add(parent(topic, job.parent()));
            }
        }
        return findings;
    }

    private Finding search(String topic, JobDefinition job) {
        String what = "its search (" + job.search().describe() + ")";
        try {
            SearchPage page = client.searchTickets(job.search().searchQuery().withPage(PAGE, 0));
            return Finding.ok(topic, what + " answers with " + page.tickets().size() + " tickets on its first page"
                    + " (before its age filter)");
        } catch (OsTicketException e) {
            return Finding.fail(topic, what + " failed: " + e.getMessage(), EnumSet.of(Flow.JOBS));
        }
    }

    private Finding parent(String topic, String parent) {
        try {
            int children = client.listChildren(TicketRef.ofNumber(parent)).size();
            return Finding.ok(topic, "its parent #" + parent + " has " + children + " children; links are made "
                    + "through the subticket API");
        } catch (OsTicketException e) {
            return Finding.fail(topic, SubticketCrash.is(e) ? "nothing can be linked: the subticket endpoints crash "
                    + "(see subtickets and subticket fix); each fire says so in a failed result"
                    : "listing the children of its parent #" + parent + " failed: " + e.getMessage(),
                    EnumSet.of(Flow.JOBS));
        }
    }
}
