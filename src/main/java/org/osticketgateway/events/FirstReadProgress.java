package org.osticketgateway.events;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events flow's first read while it goes on, kept with the poller's state so that a restart (or
 * another gateway taking the poller over) goes on from it: the watermark taken before the read began
 * — whatever changed since is newer, and the first poll reads it — and the slices (a department and a
 * status) read so far.
 */
record FirstReadProgress(Instant mark, Set<String> done) {

    FirstReadProgress {
        done = Set.copyOf(done);
    }

    static FirstReadProgress from(Instant mark) {
        return new FirstReadProgress(mark, Set.of());
    }

    FirstReadProgress with(String slice) {
        Set<String> more = new TreeSet<>(done);
        more.add(slice);
        return new FirstReadProgress(mark, more);
    }
}
