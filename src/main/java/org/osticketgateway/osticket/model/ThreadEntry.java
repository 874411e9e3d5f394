package org.osticketgateway.osticket.model;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's thread. {@code title} is set on notes that have one;
 * {@code attachments} names the files attached to the entry.
 */
public record ThreadEntry(long id, ThreadEntryType type, String poster, String title, String body,
                          MessageFormat format, Instant created, List<String> attachments) {

    public ThreadEntry {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
