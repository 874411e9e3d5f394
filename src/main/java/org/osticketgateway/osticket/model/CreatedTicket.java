package org.osticketgateway.osticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a successful create returns, whatever the dialect. Only the number is always there: the
 * plugin v2.3.4 answers a create with the bare number, so a ticket only submitted has no id or
 * subject until it is read back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedTicket(Long id, String number, String subject) {
}
