package org.osticketgateway.retry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.camel.support.LRUCacheFactory;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an outage from an item's own failure. A retryable failure with no answer at all, or while
 * osTicket does not answer its lightest call, is an outage: the item waits, its attempts are not
 * counted, it is never given up. A retryable failure while osTicket answers is the item's: after
 * {@code maxAttempts} of them it is given up, and its flow sends it to its dead-letter place with
 * the last reason. Each retryable failure logs one line, counts in
 * {@code gateway_retries_total{flow,failure}} and marks the flow failing in its {@link FlowHealth};
 * a call to osTicket that succeeds clears it. Attempts are kept in memory: a restart gives every
 * item its attempts again.
 */
public final class RetryBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RetryBudget.class);
    private static final int ITEMS_KEPT = 10_000;

    private record Failures(int attempts, OsTicketException last) {
    }

    private final String flow;
    private final String noun;
    private final int maxAttempts;
    private final BooleanSupplier osTicketAnswers;
    private final FlowHealth health;
    private final MeterRegistry meters;
    private final Map<String, Failures> failures = LRUCacheFactory.newLRUCache(ITEMS_KEPT);

    /** {@code noun} names an item in the log ("Mail", "Command"); {@code meters} may be null. */
    public RetryBudget(String flow, String noun, int maxAttempts, BooleanSupplier osTicketAnswers, FlowHealth health,
                       MeterRegistry meters) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be 1 or more, not " + maxAttempts);
        }
        this.flow = flow;
        this.noun = noun;
        this.maxAttempts = maxAttempts;
        this.osTicketAnswers = osTicketAnswers;
        this.health = health;
        this.meters = meters;
    }

    /** Records a failed attempt on the item; a failure that retrying cannot help is not an attempt. */
    public void failed(String item, OsTicketException failure) {
        if (!failure.isRetryable()) {
            return;
        }
        if (meters != null) {
            Counter.builder("gateway.retries").description("Retryable failures of items, by flow and failure")
                    .tag("flow", flow).tag("failure", failure.failure().name()).register(meters).increment();
        }
        health.failed(failure.getMessage());
        // No answer at all (refused, timed out) is osTicket's absence, whatever a probe says a moment later.
        if (failure.failure() == OsTicketFailure.UNREACHABLE || !osTicketAnswers.getAsBoolean()) {
            LOG.warn("{} {} waits: osTicket does not answer ({})", noun, item, failure.getMessage());
            return;
        }
        int attempts;
        synchronized (failures) {
            Failures before = failures.get(item);
            attempts = before == null ? 1 : before.attempts() + 1;
            failures.put(item, new Failures(attempts, failure));
        }
        LOG.warn("{} {}: attempt {} of {} failed while osTicket answers other calls{}: {}", noun, item, attempts,
                maxAttempts, attempts < maxAttempts ? ", tried again" : ", given up", failure.getMessage());
    }

    /**
     * Throws the item's final failure, not retryable, once it has used up its attempts (and forgets
     * them, so that the item replayed later starts afresh). For flows that take an item again later.
     */
    public void requireAttemptsLeft(String item) {
        Optional<OsTicketException> last = spent(item);
        if (last.isPresent()) {
            throw last.get();
        }
    }

    /**
     * For flows that retry an item in place: records the failure and returns what to throw — the same
     * failure to try again, or the final one once the item has used up its attempts.
     */
    public OsTicketException afterFailure(String item, OsTicketException failure) {
        failed(item, failure);
        return spent(item).orElse(failure);
    }

    private Optional<OsTicketException> spent(String item) {
        Failures spent;
        synchronized (failures) {
            spent = failures.get(item);
            if (spent == null || spent.attempts() < maxAttempts) {
                return Optional.empty();
            }
            failures.remove(item);
        }
        return Optional.of(new GaveUpException(spent.attempts(), spent.last()));
    }

    /** osTicket took the item: its attempts are forgotten and its flow is no longer failing. */
    public void succeeded(String item) {
        forget(item);
        health.succeeded();
    }

    /** The item is done with, without a call to osTicket (ignored, refused): its attempts are forgotten. */
    public void forget(String item) {
        synchronized (failures) {
            failures.remove(item);
        }
    }
}
