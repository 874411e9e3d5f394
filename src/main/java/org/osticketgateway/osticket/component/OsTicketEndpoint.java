package org.osticketgateway.osticket.component;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.osticketgateway.events.ChangeDetector;
import org.osticketgateway.events.PollBudget;
import org.osticketgateway.osticket.model.SortField;
import org.osticketgateway.osticket.model.SortOrder;
import org.osticketgateway.osticket.model.StatsRange;

/**
 * Tickets in osTicket through its API Endpoints plugin: create, read, update, search, delete, link
 * subtickets, read statistics, hand a whole mail to osTicket's mail intake, and consume ticket changes.
 */
// Options are what varies per call (the ticket to act on, search filters and paging, stats filters);
// headers win over them. The body carries what a call sends: a NewTicket for create, a TicketUpdate for
// update (or a Map / JSON text of the same fields), optionally a SearchQuery or StatsQuery.
@UriEndpoint(firstVersion = "0.1.0", scheme = "osticket", title = "osTicket", syntax = "osticket:operation",
        category = {Category.API}, headersClass = OsTicketConstants.class)
public class OsTicketEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "The API operation."
            + " createTicket: POST a NewTicket, answers the created ticket."
            + " getTicket: one ticket with its thread, by number or id."
            + " updateTicket: apply a TicketUpdate (status, priority, department, note, ...)."
            + " searchTickets: one page of tickets matching the search options, or every page (allPages)."
            + " deleteTicket: delete a ticket."
            + " getStats: ticket statistics for a range, a department or a staff member."
            + " listStatuses: the server's ticket statuses."
            + " getParent: the parent of a subticket."
            + " listChildren: the subtickets of a parent."
            + " linkSubticket: make the child a subticket of the parent."
            + " unlinkSubticket: detach the child from its parent."
            + " postEmail: a whole RFC 822 mail to osTicket core's mail intake, which threads replies."
            + " events: a polling consumer of ticket changes (needs detector).")
    private final OsTicketOperation operation;

    @UriParam(description = "Ticket number (or use the CamelOsTicketTicketNumber header)")
    private String ticketNumber;
    @UriParam(description = "Ticket id (or use the CamelOsTicketTicketId header)")
    private Long ticketId;
    @UriParam(label = "subticket", description = "Parent ticket number")
    private String parentNumber;
    @UriParam(label = "subticket", description = "Parent ticket id")
    private Long parentId;
    @UriParam(label = "subticket", description = "Child ticket number")
    private String childNumber;
    @UriParam(label = "subticket", description = "Child ticket id")
    private Long childId;

    @UriParam(label = "search", description = "Search text")
    private String query;
    @UriParam(label = "search", description = "Status name")
    private String ticketStatus;
    @UriParam(label = "search", description = "Department id (or name where the server supports it)")
    private String department;
    @UriParam(label = "search", description = "Help topic id")
    private Long topicId;
    @UriParam(label = "search", description = "Priority id")
    private Long priorityId;
    @UriParam(label = "search,stats", description = "Assigned staff id")
    private Long staffId;
    @UriParam(label = "search", description = "Page size, 1..100")
    private Integer limit;
    @UriParam(label = "search", description = "Page start")
    private Integer offset;
    @UriParam(label = "search", description = "created, updated, priority or number")
    private SortField sortBy;
    @UriParam(label = "search", description = "asc or desc")
    private SortOrder sortOrder;
    @UriParam(label = "search", defaultValue = "false",
            description = "Return an Iterator over every matching ticket, fetching pages as it is read")
    private boolean allPages;

    @UriParam(label = "stats", description = "Department id")
    private Long departmentId;
    @UriParam(label = "stats", description = "today, week, month, year or all")
    private StatsRange dateRange;
    @UriParam(label = "stats", description = "Start date, ISO 8601")
    private String startDate;
    @UriParam(label = "stats", description = "End date, ISO 8601")
    private String endDate;

    @UriParam(label = "consumer", description = "osticket:events: the change detector to poll with")
    private ChangeDetector detector;
    @UriParam(label = "consumer", defaultValue = "12",
            description = "osticket:events: sweep every ticket (deletions, overdue) every this many polls; 0: never")
    private int sweepEvery = 12;
    @UriParam(label = "consumer", description = "osticket:events: the share of osTicket's time the polls may take "
            + "(a PollBudget); none: poll at every scheduled delay")
    private PollBudget budget;

    public OsTicketEndpoint(String uri, OsTicketComponent component, OsTicketOperation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public OsTicketComponent getComponent() {
        return (OsTicketComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new OsTicketProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != OsTicketOperation.events) {
            throw new UnsupportedOperationException("osticket:" + operation + " is a producer; osticket:events consumes");
        }
        if (detector == null) {
            throw new IllegalArgumentException("osticket:events needs a detector (detector=#bean)");
        }
        OsTicketEventsConsumer consumer = new OsTicketEventsConsumer(this, processor, detector, sweepEvery, budget);
        configureConsumer(consumer);
        return consumer;
    }

    public ChangeDetector getDetector() {
        return detector;
    }

    public void setDetector(ChangeDetector detector) {
        this.detector = detector;
    }

    public PollBudget getBudget() {
        return budget;
    }

    public void setBudget(PollBudget budget) {
        this.budget = budget;
    }

    public int getSweepEvery() {
        return sweepEvery;
    }

    public void setSweepEvery(int sweepEvery) {
        this.sweepEvery = sweepEvery;
    }

    public OsTicketOperation getOperation() {
        return operation;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public void setTicketNumber(String ticketNumber) {
        this.ticketNumber = ticketNumber;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public void setTicketId(Long ticketId) {
        this.ticketId = ticketId;
    }

    public String getParentNumber() {
        return parentNumber;
    }

    public void setParentNumber(String parentNumber) {
        this.parentNumber = parentNumber;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getChildNumber() {
        return childNumber;
    }

    public void setChildNumber(String childNumber) {
        this.childNumber = childNumber;
    }

    public Long getChildId() {
        return childId;
    }

    public void setChildId(Long childId) {
        this.childId = childId;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getTicketStatus() {
        return ticketStatus;
    }

    public void setTicketStatus(String ticketStatus) {
        this.ticketStatus = ticketStatus;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public Long getTopicId() {
        return topicId;
    }

    public void setTopicId(Long topicId) {
        this.topicId = topicId;
    }

    public Long getPriorityId() {
        return priorityId;
    }

    public void setPriorityId(Long priorityId) {
        this.priorityId = priorityId;
    }

    public Long getStaffId() {
        return staffId;
    }

    public void setStaffId(Long staffId) {
        this.staffId = staffId;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public SortField getSortBy() {
        return sortBy;
    }

    public void setSortBy(SortField sortBy) {
        this.sortBy = sortBy;
    }

    public SortOrder getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(SortOrder sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public StatsRange getDateRange() {
        return dateRange;
    }

    public void setDateRange(StatsRange dateRange) {
        this.dateRange = dateRange;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }
}
