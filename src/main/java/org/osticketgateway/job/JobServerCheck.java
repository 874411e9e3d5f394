package org.osticketgateway.job;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.osticketgateway.osticket.DialectChoice;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.model.TicketStatus;

/**
 * What a job asks of this osTicket, checked before it first fires, each problem a sentence naming
 * the key: statuses and departments osTicket knows (the plugin ignores an unknown one in a search
 * and would return every ticket), and what the server's dialect cannot do. The assignee is not
 * checked: the API lists no staff.
 */
public final class JobServerCheck {

    private final OsTicketClient client;
    private final DepartmentLookup departments;
    private List<TicketStatus> statuses;

    public JobServerCheck(OsTicketClient client, DepartmentLookup departments) {
        this.client = client;
        this.departments = departments;
    }

    public List<String> problems(JobDefinition job) {
        List<String> problems = new ArrayList<>();
        boolean plugin = client.dialect() == DialectChoice.PLUGIN;
        if (job.search() != null) {
            status(job.key("search.status"), job.search().status(), problems);
            String department = job.search().department();
            if (department != null && !plugin && !department.matches("\\d+")) {
                problems.add(job.key("search.department") + " must be a department id ('" + department
                        + "' is a name): the documented API searches by id only");
            } else {
                department(job.key("search.department"), department, problems);
            }
        }
        if (job.changes() != null) {
            status(job.key("set.status"), job.changes().status(), problems);
            department(job.key("set.department"), job.changes().department(), problems);
            if (plugin && job.changes().priority() != null) {
                problems.add(job.key("set.priority") + " cannot be set here: the plugin v2.3.4 ignores a priority "
                        + "on update");
            }
        }
        if (job.ticket() != null) {
            department(job.key("department"), job.ticket().department(), problems);
            String priority = job.ticket().priority();
            if (plugin && priority != null && !priority.matches("\\d+") && client.settings().priorities().keySet()
                    .stream().noneMatch(priority::equalsIgnoreCase)) {
                problems.add(job.key("priority") + " '" + priority + "' is none of osticket.priorities "
                        + client.settings().priorities().keySet() + ", which the plugin takes as ids");
            }
        }
        return problems;
    }

    private void status(String key, String status, List<String> problems) {
        if (status == null) {
            return;
        }
        List<TicketStatus> known;
        try {
            known = statuses();
        } catch (OsTicketException e) {
            problems.add(key + " cannot be checked: listing osTicket's statuses failed (" + e.getMessage() + ")");
            return;
        }
        if (known.stream().noneMatch(s -> status.equalsIgnoreCase(s.name()) || status.equals(String.valueOf(s.id())))) {
            problems.add(key + " '" + status + "' is not a status osTicket knows (" + known.stream()
                    .map(TicketStatus::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private void department(String key, String department, List<String> problems) {
        if (department != null) {
            departments.unknown(department).ifPresent(why -> problems.add(key + " '" + department + "': " + why));
        }
    }

    private List<TicketStatus> statuses() {
        if (statuses == null) {
            statuses = client.listStatuses();
        }
        return statuses;
    }
}
