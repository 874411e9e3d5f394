package org.osticketgateway.osticket.model;

import java.time.Instant;

/** One entry of a ticket's thread. {@code title} is set on notes that have one. */
public record ThreadEntry(long id, ThreadEntryType type, String poster, String title, String body,
                          MessageFormat format, Instant created) {
}
