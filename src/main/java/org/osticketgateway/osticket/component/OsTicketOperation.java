package org.osticketgateway.osticket.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operations of {@code osticket:<operation>}: one producer for each endpoint of the plugin's API,
 * {@code postEmail} for osTicket core's mail intake, and {@code events}, the consumer that polls for
 * ticket changes.
 */
public enum OsTicketOperation {
    createTicket, getTicket, updateTicket, searchTickets, deleteTicket, getStats, listStatuses, getParent,
    listChildren, linkSubticket, unlinkSubticket, postEmail, events;

    public static OsTicketOperation fromUri(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown osticket operation '" + name
                        + "'; one of: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
