package org.osticketgateway.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * One page of a sorted selection and how many matched, in one pass that keeps only the tickets up
 * to the page's end — as a database walks an index, so that a search costs the sandbox little more
 * with 100,000 tickets than with 1,000, and a benchmark measures the gateway, not the sort.
 */
record SortedPage<T>(List<T> page, int total) {

    static <T> SortedPage<T> of(Collection<T> all, Predicate<T> filter, Comparator<T> order, int offset, int limit) {
        int keep = offset + limit;
        PriorityQueue<T> kept = new PriorityQueue<>(order.reversed());
        int total = 0;
        for (T item : all) {
            if (!filter.test(item)) {
                continue;
            }
            total++;
            if (kept.size() < keep) {
                kept.add(item);
            } else if (order.compare(item, kept.peek()) < 0) {
                kept.poll();
                kept.add(item);
            }
        }
        List<T> sorted = new ArrayList<>(kept);
        sorted.sort(order);
        return new SortedPage<>(sorted.subList(Math.min(offset, sorted.size()), sorted.size()), total);
    }
}
