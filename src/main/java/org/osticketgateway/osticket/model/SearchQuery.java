package org.osticketgateway.osticket.model;

/**
 * A search: every field is optional. {@code status} is a status name; {@code department} a
 * department id (or, where the server supports it, a name). {@code limit} is 1..100.
 */
public record SearchQuery(
        String query,
        String status,
        String department,
        Long topicId,
        Long priorityId,
        Long staffId,
        Integer limit,
        Integer offset,
        SortField sortBy,
        SortOrder sortOrder) {

    public static final int MAX_LIMIT = 100;

    public static SearchQuery all() {
        return new SearchQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public SearchQuery withQuery(String value) {
        return new SearchQuery(value, status, department, topicId, priorityId, staffId, limit, offset, sortBy, sortOrder);
    }

    public SearchQuery withStatus(String value) {
        return new SearchQuery(query, value, department, topicId, priorityId, staffId, limit, offset, sortBy, sortOrder);
    }

    public SearchQuery withDepartment(String value) {
        return new SearchQuery(query, status, value, topicId, priorityId, staffId, limit, offset, sortBy, sortOrder);
    }

    public SearchQuery withPage(Integer limitValue, Integer offsetValue) {
        return new SearchQuery(query, status, department, topicId, priorityId, staffId, limitValue, offsetValue,
                sortBy, sortOrder);
    }

    public SearchQuery withSort(SortField field, SortOrder order) {
        return new SearchQuery(query, status, department, topicId, priorityId, staffId, limit, offset, field, order);
    }
}
