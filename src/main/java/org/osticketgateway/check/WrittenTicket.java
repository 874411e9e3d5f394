package org.osticketgateway.check;

import org.osticketgateway.osticket.model.TicketRef;

/**
 * The ticket the check wrote, as read back: what the later probes search for, answer and delete.
 * {@code messageId} is the Message-ID it was created with, as a mailbox's ticket is (null otherwise).
 */
record WrittenTicket(TicketRef ref, String subject, String department, Long departmentId, String messageId) {
}
