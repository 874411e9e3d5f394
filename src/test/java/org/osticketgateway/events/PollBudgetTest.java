package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osticketgateway.LogLines;
import org.osticketgateway.retry.MovableClock;

class PollBudgetTest {

    @Test
    void anExpensivePollSpacesTheNextSoThatPollsTakeTheirShareOnlyAndSaysSo() {
        MovableClock clock = new MovableClock();
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), 0.02, clock);
        try (LogLines log = LogLines.capture()) {
            assertThat(budget.begin()).isTrue();
            clock.advance(Duration.ofSeconds(2));
            assertThat(budget.spent(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(100));

            clock.advance(Duration.ofSeconds(97));
            assertThat(budget.begin()).as("99 s after the last began").isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(budget.begin()).isTrue();
            assertThat(log.all()).anyMatch(l -> l.message().contains("polling every 100.0 s")
                    && l.message().contains("2.0% of its time"));
        }
    }

    @Test
    void aCheapPollKeepsTheConfiguredDelayAndJitterIsNoNews() {
        MovableClock clock = new MovableClock();
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), 0.02, clock);
        try (LogLines log = LogLines.capture()) {
            budget.begin();
            assertThat(budget.spent(Duration.ofMillis(30))).isEqualTo(Duration.ofSeconds(10));
            clock.advance(Duration.ofSeconds(10));
            assertThat(budget.begin()).isTrue();
            assertThat(budget.spent(Duration.ofMillis(210))).isEqualTo(Duration.ofMillis(10_500));
            assertThat(log.all()).noneMatch(l -> l.logger().equals(PollBudget.class.getName()));
        }
    }
}
