package org.osticketgateway.osticket.component;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code osticket:} component. Headers win over the endpoint's options. */
public final class OsTicketConstants {

    @Metadata(description = "The ticket number to act on; set from the result of create, get, update and delete.",
            javaType = "String")
    public static final String TICKET_NUMBER = "CamelOsTicketTicketNumber";
    @Metadata(description = "The internal ticket id to act on; set from the result of create, get, update and delete.",
            javaType = "Long")
    public static final String TICKET_ID = "CamelOsTicketTicketId";
    @Metadata(description = "Parent ticket number for linkSubticket and listChildren.", javaType = "String")
    public static final String PARENT_NUMBER = "CamelOsTicketParentNumber";
    @Metadata(description = "Parent ticket id for linkSubticket and listChildren.", javaType = "Long")
    public static final String PARENT_ID = "CamelOsTicketParentId";
    @Metadata(description = "Child ticket number for linkSubticket, unlinkSubticket and getParent.", javaType = "String")
    public static final String CHILD_NUMBER = "CamelOsTicketChildNumber";
    @Metadata(description = "Child ticket id for linkSubticket, unlinkSubticket and getParent.", javaType = "Long")
    public static final String CHILD_ID = "CamelOsTicketChildId";
    @Metadata(description = "searchTickets: how many tickets match in all, where the server says.", javaType = "Long")
    public static final String TOTAL = "CamelOsTicketTotal";
    @Metadata(description = "searchTickets: how many tickets this page holds.", javaType = "Integer")
    public static final String COUNT = "CamelOsTicketCount";
    @Metadata(description = "getParent: whether the ticket has a parent.", javaType = "Boolean")
    public static final String HAS_PARENT = "CamelOsTicketHasParent";

    private OsTicketConstants() {
    }
}
