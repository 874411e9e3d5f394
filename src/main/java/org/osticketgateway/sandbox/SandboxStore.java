package org.osticketgateway.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The sandbox's tickets, in memory. Not thread-safe by itself: the server runs each request
 * while holding this store's monitor, which keeps every answer consistent.
 */
final class SandboxStore {

    private final Directory directory;
    private final Clock clock;
    private final Random numbers;
    private final Map<Long, SandboxTicket> byId = new LinkedHashMap<>();
    private final Map<String, SandboxTicket> byNumber = new HashMap<>();
    private final Map<String, Long> users = new HashMap<>();
    private final Map<Long, String> userNames = new HashMap<>();
    private final Map<String, SandboxTicket> byMessageId = new HashMap<>();
    private long nextTicketId = 1;
    private long nextEntryId = 1;
    private long nextAttachmentId = 1;

    SandboxStore(Directory directory, Clock clock, long seed) {
        this.directory = directory;
        this.clock = clock;
        this.numbers = new Random(seed);
    }

    Directory directory() {
        return directory;
    }

    /** osTicket's clock has one-second resolution. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new open ticket; its requester is the user with that email, named as when first seen, as in osTicket. */
    SandboxTicket open(String name, String email, String ip, String source, Instant created) {
        long userId = users.computeIfAbsent(email.toLowerCase(), e -> (long) users.size() + 1);
        SandboxTicket ticket = new SandboxTicket(nextTicketId++, freshNumber(), userId, created, ip, source);
        ticket.name = userNames.computeIfAbsent(userId, id -> name);
        ticket.email = email;
        ticket.statusId = 1;
        ticket.priorityId = 2;
        ticket.departmentId = 1;
        ticket.slaId = 1L;
        byId.put(ticket.id, ticket);
        byNumber.put(ticket.number, ticket);
        return ticket;
    }

    /** osTicket's default number format {@code ######}: random, unique, never a sequence. */
    private String freshNumber() {
        String number;
        do {
            number = String.valueOf(100000 + numbers.nextInt(900000));
        } while (byNumber.containsKey(number));
        return number;
    }

    SandboxTicket.Entry addEntry(SandboxTicket ticket, String type, String poster, String title, String body,
                                 String format, Instant at, List<SandboxTicket.Attachment> attachments) {
        List<SandboxTicket.Attachment> kept = attachments.stream().map(a -> new SandboxTicket.Attachment(a.filename(),
                a.contentType(), a.size(), nextAttachmentId++)).toList();
        SandboxTicket.Entry entry = new SandboxTicket.Entry(nextEntryId++, type, poster, title, body, format, at, kept);
        ticket.thread.add(entry);
        return entry;
    }

    Optional<SandboxTicket> byNumber(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** osTicket keeps each message's Message-ID (a create's {@code mid}, a mail's header) to thread by it. */
    void rememberMessageId(String messageId, SandboxTicket ticket) {
        byMessageId.put(messageId, ticket);
    }

    Optional<SandboxTicket> byMessageId(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId)).filter(t -> byId.containsKey(t.id));
    }

    Optional<SandboxTicket> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The number first, then the internal id, as osTicket's lookups do. */
    Optional<SandboxTicket> byNumberOrId(String key) {
        return byNumber(key).or(() -> isDigits(key) ? byId(Long.parseLong(key)) : Optional.empty());
    }

    Collection<SandboxTicket> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    void delete(SandboxTicket ticket) {
        byId.remove(ticket.id);
        byNumber.remove(ticket.number);
        byId.values().stream().filter(t -> Long.valueOf(ticket.id).equals(t.parentId)).forEach(t -> t.parentId = null);
    }

    List<SandboxTicket> children(SandboxTicket parent) {
        List<SandboxTicket> children = new ArrayList<>();
        for (SandboxTicket t : byId.values()) {
            if (Long.valueOf(parent.id).equals(t.parentId)) {
                children.add(t);
            }
        }
        return children;
    }

    Optional<SandboxTicket> parent(SandboxTicket child) {
        return child.parentId == null ? Optional.empty() : byId(child.parentId);
    }

    /** Whether {@code candidate} is {@code ticket} or one of its ancestors. */
    boolean isSelfOrAncestor(SandboxTicket candidate, SandboxTicket ticket) {
        for (SandboxTicket t = ticket; t != null; t = parent(t).orElse(null)) {
            if (t.id == candidate.id) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigits(String value) {
        return value != null && !value.isEmpty() && value.length() < 18 && value.chars().allMatch(Character::isDigit);
    }
}
