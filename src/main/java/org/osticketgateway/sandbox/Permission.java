package org.osticketgateway.sandbox;

import java.util.EnumSet;
import java.util.Set;

/** The seven permissions an osTicket API key can be given for the plugin's endpoints. */
public enum Permission {
    CAN_CREATE_TICKETS, CAN_READ_TICKETS, CAN_UPDATE_TICKETS, CAN_SEARCH_TICKETS, CAN_DELETE_TICKETS,
    CAN_READ_STATS, CAN_MANAGE_SUBTICKETS;

    public static Set<Permission> all() {
        return EnumSet.allOf(Permission.class);
    }
}
