package org.osticketgateway.osticket.model;

import java.util.List;

/** What a successful update returns: the ticket and the fields that were changed. */
public record UpdatedTicket(long id, String number, List<String> updatedFields) {

    public UpdatedTicket {
        updatedFields = List.copyOf(updatedFields);
    }
}
