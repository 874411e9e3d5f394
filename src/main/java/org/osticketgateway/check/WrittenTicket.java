package org.osticketgateway.check;

import org.osticketgateway.osticket.model.TicketRef;

/** The ticket the check wrote, as read back: what the later probes search for and delete. */
record WrittenTicket(TicketRef ref, String subject, String department, Long departmentId) {
}
