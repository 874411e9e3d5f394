package org.osticketgateway.job;

import java.util.Optional;

/** Asks osTicket whether it knows a department; the API has no list of them. */
@FunctionalInterface
public interface DepartmentLookup {

    /** Why osTicket does not know the department (name or id); empty when it does, or cannot say. */
    Optional<String> unknown(String department);
}
