package org.osticketgateway.osticket.model;

import java.time.LocalDate;

/** The period a stats answer covers, as the server labelled it. */
public record StatsPeriod(LocalDate start, LocalDate end, String label) {
}
