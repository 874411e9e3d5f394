package org.osticketgateway.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;

class RetryBudgetTest {

    private final MovableClock clock = new MovableClock();
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final FlowHealth health = new FlowHealth("mail", Duration.ofMinutes(5), clock);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RetryBudget budget = new RetryBudget("mail", "Mail", 3, answering::get, health, meters);

    private static OsTicketException serverError() {
        return new OsTicketException(OsTicketFailure.SERVER_ERROR, "createTicket", 500, "Internal server error");
    }

    private HealthCheck.State state() {
        return health.call().getState();
    }

    @Test
    void anItemFailingWhileOsTicketAnswersIsGivenUpAfterItsAttempts() {
        budget.failed("m1", serverError());
        budget.failed("m1", serverError());
        assertThatCode(() -> budget.requireAttemptsLeft("m1")).doesNotThrowAnyException();
        budget.failed("m1", serverError());

        GaveUpException last = catchThrowableOfType(GaveUpException.class, () -> budget.requireAttemptsLeft("m1"));
        assertThat(last.isRetryable()).isFalse();
        assertThat(last.failure()).isEqualTo(OsTicketFailure.SERVER_ERROR);
        assertThat(last.getMessage()).isEqualTo("createTicket failed: server error (HTTP 500): gave up after 3 "
                + "attempts while osTicket answered other calls: Internal server error");
        // Forgotten once given up: replayed later, it starts afresh.
        assertThatCode(() -> budget.requireAttemptsLeft("m1")).doesNotThrowAnyException();
        assertThat(meters.get("gateway.retries").tag("flow", "mail").tag("failure", "SERVER_ERROR").counter().count())
                .isEqualTo(3);
    }

    @Test
    void duringAnOutageAnItemWaitsForeverUncounted() {
        answering.set(false);
        for (int i = 0; i < 100; i++) {
            assertThat(budget.afterFailure("m2", serverError()).isRetryable()).isTrue();
        }
        answering.set(true);
        assertThat(budget.afterFailure("m2", serverError()).isRetryable()).isTrue();
    }

    @Test
    void retryingInPlaceReturnsTheFinalFailureOnTheLastAttempt() {
        assertThat(budget.afterFailure("c1", serverError()).isRetryable()).isTrue();
        assertThat(budget.afterFailure("c1", serverError()).isRetryable()).isTrue();
        assertThat(budget.afterFailure("c1", serverError())).isInstanceOf(GaveUpException.class);
    }

    @Test
    void failuresRetryingCannotHelpAreNotAttempts() {
        OsTicketException refused = new OsTicketException(OsTicketFailure.BAD_REQUEST, "createTicket", 500,
                "Unable to create new ticket :user Incomplete client information");
        for (int i = 0; i < 5; i++) {
            assertThat(budget.afterFailure("m3", refused)).isSameAs(refused);
        }
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aSuccessForgetsTheAttemptsAndMendsTheFlow() {
        budget.failed("m4", serverError());
        budget.failed("m4", serverError());
        clock.advance(Duration.ofMinutes(6));
        assertThat(state()).isEqualTo(HealthCheck.State.DOWN);
        budget.succeeded("m4");
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
        budget.failed("m4", serverError());
        assertThatCode(() -> budget.requireAttemptsLeft("m4")).doesNotThrowAnyException();
    }

    @Test
    void noAnswerAtAllIsAnOutageWhateverTheProbeSays() {
        OsTicketException unreachable = new OsTicketException(OsTicketFailure.UNREACHABLE, "createTicket", 0,
                "ConnectTimeoutException: Connect timed out");
        for (int i = 0; i < 10; i++) {
            budget.failed("m7", unreachable);
        }
        assertThatCode(() -> budget.requireAttemptsLeft("m7")).doesNotThrowAnyException();
    }

    @Test
    void theFlowIsDownOnceItHasFailedForLongerThanTheThreshold() {
        budget.failed("m5", serverError());
        clock.advance(Duration.ofMinutes(4));
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
        budget.failed("m5", serverError());
        clock.advance(Duration.ofMinutes(2));
        assertThat(state()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.call().getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("failing for 360 s: createTicket failed: server error"));
        budget.succeeded("m6");
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
    }
}
