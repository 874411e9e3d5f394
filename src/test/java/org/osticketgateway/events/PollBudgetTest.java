package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.osticketgateway.LogLines;

class PollBudgetTest {

    /** A clock the test moves. */
    private static final class Hands extends Clock {

        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anExpensivePollSpacesTheNextSoThatPollsTakeTheirShareOnlyAndSaysSo() {
        Hands clock = new Hands();
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), 0.02, clock);
        try (LogLines log = LogLines.capture()) {
            assertThat(budget.begin()).isTrue();
            clock.now = clock.now.plusSeconds(2);
            assertThat(budget.spent(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(100));

            clock.now = clock.now.plusSeconds(97);
            assertThat(budget.begin()).as("99 s after the last began").isFalse();
            clock.now = clock.now.plusSeconds(1);
            assertThat(budget.begin()).isTrue();
            assertThat(log.all()).anyMatch(l -> l.message().contains("polling every 100.0 s")
                    && l.message().contains("2.0% of its time"));
        }
    }

    @Test
    void aCheapPollKeepsTheConfiguredDelayAndJitterIsNoNews() {
        Hands clock = new Hands();
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), 0.02, clock);
        try (LogLines log = LogLines.capture()) {
            budget.begin();
            assertThat(budget.spent(Duration.ofMillis(30))).isEqualTo(Duration.ofSeconds(10));
            clock.now = clock.now.plusSeconds(10);
            assertThat(budget.begin()).isTrue();
            assertThat(budget.spent(Duration.ofMillis(210))).isEqualTo(Duration.ofMillis(10_500));
            assertThat(log.all()).noneMatch(l -> l.logger().equals(PollBudget.class.getName()));
        }
    }
}
