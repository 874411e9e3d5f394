package org.osticketgateway.sandbox;

import java.util.EnumSet;
import java.util.Set;

/** The seven permissions an osTicket API key can be given for the plugin's endpoints. */
public enum Permission {
    CAN_CREATE_TICKETS("create tickets"),
    CAN_READ_TICKETS("read tickets"),
    CAN_UPDATE_TICKETS("update tickets"),
    CAN_SEARCH_TICKETS("search tickets"),
    CAN_DELETE_TICKETS("delete tickets"),
    CAN_READ_STATS("read ticket statistics"),
    CAN_MANAGE_SUBTICKETS("manage subtickets");

    private final String action;

    Permission(String action) {
        this.action = action;
    }

    /** What the permission allows, as the plugin words it ("read tickets"). */
    public String action() {
        return action;
    }

    public static Set<Permission> all() {
        return EnumSet.allOf(Permission.class);
    }
}
