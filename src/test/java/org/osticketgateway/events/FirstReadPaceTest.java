package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class FirstReadPaceTest {

    private final List<Duration> waits = new ArrayList<>();

    @Test
    void aCallIsFollowedByAPauseThatKeepsTheReadToItsShare() {
        FirstReadPace pace = new FirstReadPace(0.25, waits::add);
        pace.after(Duration.ofMillis(40));
        assertThat(waits).containsExactly(Duration.ofMillis(120));
    }

    @Test
    void shortPausesAreAddedUpUntilTheyAreWorthASleep() {
        FirstReadPace pace = new FirstReadPace(0.5, waits::add);
        pace.after(Duration.ofMillis(4));
        pace.after(Duration.ofMillis(4));
        assertThat(waits).isEmpty();
        pace.after(Duration.ofMillis(4));
        assertThat(waits).containsExactly(Duration.ofMillis(12));
    }

    @Test
    void theWholeServerMeansNoPause() {
        FirstReadPace pace = new FirstReadPace(1, waits::add);
        pace.after(Duration.ofSeconds(5));
        assertThat(waits).isEmpty();
    }

    @Test
    void anInterruptedPauseEndsTheReadInsteadOfGoingOnUnpaced() {
        FirstReadPace pace = new FirstReadPace(0.5, wait -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> pace.after(Duration.ofMillis(40))).isInstanceOf(CancellationException.class)
                    .hasMessageContaining("goes on from its last department and status");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new FirstReadPace(0, waits::add)).hasMessageContaining("above 0 and at most 1");
        assertThatThrownBy(() -> new FirstReadPace(1.5, waits::add)).hasMessageContaining("above 0 and at most 1");
    }
}
