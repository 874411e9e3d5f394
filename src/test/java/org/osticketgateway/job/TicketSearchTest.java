package org.osticketgateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.model.TicketSummary;

class TicketSearchTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static TicketSummary ticket(long id, String status, String priority, Instant due) {
        return new TicketSummary(id, String.valueOf(100000 + id), "s", status, 1L, priority, 2L, "Support", 1L, null,
                null, null, null, NOW.minusSeconds(3600L * id), NOW.minusSeconds(60L * id), due, false, null);
    }

    @Test
    void olderThanCountsFromTheChosenTimeAndLeavesOutTicketsWithoutIt() {
        TicketSearch byDue = new TicketSearch("Open", null, null, 24, AgeBy.DUE);
        TicketSearch byCreated = new TicketSearch("Open", null, null, 24, AgeBy.CREATED);

        assertThat(byDue.isOldEnough(ticket(1, "Open", "Normal", NOW.minusSeconds(25 * 3600)), NOW)).isTrue();
        assertThat(byDue.isOldEnough(ticket(1, "Open", "Normal", NOW.minusSeconds(23 * 3600)), NOW)).isFalse();
        assertThat(byDue.isOldEnough(ticket(1, "Open", "Normal", null), NOW)).isFalse();
        assertThat(byCreated.isOldEnough(ticket(30, "Open", "Normal", null), NOW)).isTrue();
        assertThat(byCreated.isOldEnough(ticket(2, "Open", "Normal", null), NOW)).isFalse();
    }

    @Test
    void oldestFirstSoACappedRunLeavesTheNewest() {
        TicketSearch byCreated = new TicketSearch("Open", null, null, null, AgeBy.CREATED);
        List<TicketSummary> sorted = List.of(ticket(2, "Open", "Normal", null), ticket(9, "Open", "Normal", null),
                ticket(5, "Open", "Normal", null)).stream().sorted(byCreated.oldestFirst()).toList();

        assertThat(sorted).extracting(TicketSummary::id).containsExactly(9L, 5L, 2L);
    }

    @Test
    void aTicketThatAlreadyHasEveryChangeIsLeftAlone() {
        TicketChanges close = new TicketChanges("Closed", null, null, null, null);
        TicketChanges raise = new TicketChanges(null, "High", "1", null, null);
        TicketChanges note = new TicketChanges("Closed", null, null, null, new TextTemplate("n"));

        assertThat(close.alreadyOn(ticket(1, "closed", "Normal", null))).isTrue();
        assertThat(close.alreadyOn(ticket(1, "Open", "Normal", null))).isFalse();
        assertThat(raise.alreadyOn(ticket(1, "Open", "High", null))).isTrue();
        assertThat(note.alreadyOn(ticket(1, "Closed", "Normal", null))).isFalse();
    }
}
