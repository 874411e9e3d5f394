package org.osticketgateway.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may open tickets by mail: not a banned address or domain, and no more than a number of new
 * tickets an hour per sender (a runaway script or a loop the loop guard missed).
 */
public final class SenderPolicy {

    private final List<String> banned;
    private final int ticketsPerHour;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /** {@code banned}: addresses ({@code spam@example.com}) or domains ({@code example.com}, {@code @example.com}). */
    public SenderPolicy(List<String> banned, int ticketsPerHour, Clock clock) {
        this.banned = banned.stream().map(b -> b.toLowerCase(Locale.ROOT).replaceFirst("^@", "")).toList();
        this.ticketsPerHour = ticketsPerHour;
        this.clock = clock;
    }

    /** The refusal of a ticket for this sender now, with why, or empty. */
    public Optional<MailDecision> refusal(String address) {
        String sender = address.toLowerCase(Locale.ROOT);
        String domain = sender.substring(sender.indexOf('@') + 1);
        if (banned.contains(sender) || banned.contains(domain)) {
            return Optional.of(MailDecision.refuse("banned", "sender " + sender + " is banned (mail.banned)"));
        }
        Deque<Instant> times = recent.computeIfAbsent(sender, s -> new ArrayDeque<>());
        synchronized (times) {
            Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
            while (!times.isEmpty() && times.peekFirst().isBefore(hourAgo)) {
                times.removeFirst();
            }
            if (times.size() >= ticketsPerHour) {
                return Optional.of(MailDecision.refuse("sender-limit", "sender " + sender + " opened "
                        + times.size() + " tickets in the last hour (mail.max-tickets-per-sender-per-hour)"));
            }
        }
        return Optional.empty();
    }

    /** Counts a ticket opened for this sender. */
    public void opened(String address) {
        Deque<Instant> times = recent.computeIfAbsent(address.toLowerCase(Locale.ROOT), s -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }
}
