package org.osticketgateway.job;

import java.time.ZonedDateTime;
import java.util.List;
import org.osticketgateway.osticket.model.NewTicket;

/**
 * What a create job makes on each fire: a ticket from its subject and message templates, in a
 * department, with a priority, help topic, assignee and a due date {@code dueInDays} after the fire;
 * with {@code children}, a checklist: one child ticket per name under it, from the child templates.
 */
public record TicketTemplate(TextTemplate subject, TextTemplate message, String requesterName, String requesterEmail,
                             String department, String priority, Long topicId, String assignee, Integer dueInDays,
                             List<String> children, TextTemplate childSubject, TextTemplate childMessage) {

    public TicketTemplate {
        children = List.copyOf(children);
    }

    boolean isChecklist() {
        return !children.isEmpty();
    }

    /** The parent (or only) ticket of a fire at {@code at}. */
    NewTicket ticket(String job, ZonedDateTime at) {
        return fields(NewTicket.of(requesterName, requesterEmail, subject.render(job, at, null),
                message.render(job, at, null)), at);
    }

    /** The checklist's child {@code child} of a fire at {@code at}. */
    NewTicket child(String job, ZonedDateTime at, String child) {
        return fields(NewTicket.of(requesterName, requesterEmail, childSubject.render(job, at, child),
                childMessage.render(job, at, child)), at);
    }

    private NewTicket fields(NewTicket ticket, ZonedDateTime at) {
        return ticket.withDepartment(department).withPriority(priority).withTopicId(topicId)
                .withDueDate(dueInDays == null ? null : at.toLocalDate().plusDays(dueInDays).toString());
    }
}
