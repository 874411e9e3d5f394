package org.osticketgateway.report;

/** One row of a breakdown: a staff member, status or priority and its count. */
public record CountLine(String name, long count) {
}
