package org.osticketgateway.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.osticketgateway.job.DepartmentLookup;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.model.StatsQuery;

/**
 * Whether osTicket knows a department: one its stats name (the documented API lists every
 * department, the plugin those with tickets), else a create probe with it, refused for its
 * unreadable due date alone when the department is known and for the department when it is not.
 * Nothing is written.
 */
public final class DepartmentProbe implements DepartmentLookup {

    private final OsTicketClient client;

    public DepartmentProbe(OsTicketClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> unknown(String department) {
        try {
            boolean named = client.getStats(StatsQuery.all()).byDepartment().stream().anyMatch(d ->
                    department.equalsIgnoreCase(d.name()) || department.equals(String.valueOf(d.departmentId())));
            if (named) {
                return Optional.empty();
            }
        } catch (OsTicketException e) {
            // A key without the stats permission: the probe below still tells.
        }
        try (CreateProbe probe = new CreateProbe(client.settings(), client)) {
            CreateProbeAnswer answer = probe.send(CreateProbe.ticket().withDepartment(department));
            boolean refusedForIt = answer.outcome() == CreateProbeAnswer.Outcome.REFUSED && answer.detail() != null
                    && answer.detail().toLowerCase(Locale.ROOT).contains("department");
            return refusedForIt ? Optional.of("osTicket does not know it (" + answer.detail() + ")") : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
