package org.osticketgateway.osticket.model;

/** How many tickets have one status or one priority. */
public record NamedCount(Long id, String name, long count) {
}
