package org.osticketgateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osticketgateway.osticket.OsTicketClient;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.osticket.OsTicketSettings;
import org.osticketgateway.osticket.model.CreatedTicket;
import org.osticketgateway.osticket.model.NewTicket;
import org.osticketgateway.osticket.model.TicketRef;
import org.osticketgateway.osticket.model.TicketUpdate;
import org.osticketgateway.retry.MovableClock;
import org.osticketgateway.sandbox.ApiOperation;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;
import org.osticketgateway.sandbox.TimingProfile;
import org.slf4j.LoggerFactory;

/** The change detector against the sandbox: what it emits, once, whatever happens mid-poll. */
class ChangeDetectorTest {

    @TempDir
    Path data;

    private SandboxServer sandbox;
    private OsTicketClient client;
    private final List<FileStateRepository> states = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, SandboxOptions.withKey("k"), true);
        client = new OsTicketClient(OsTicketSettings.of(sandbox.url(), "k"));
    }

    @AfterEach
    void stop() throws Exception {
        for (FileStateRepository state : states) {
            state.stop();
        }
        client.close();
        sandbox.close();
    }

    /** A detector on the state file in {@code data}: a second one reads what the first saved, as after a restart. */
    private ChangeDetector detector(String start) throws Exception {
        return detector(start, Clock.systemUTC());
    }

    private ChangeDetector detector(String start, Clock clock) throws Exception {
        Map<String, String> view = new ConcurrentHashMap<>();
        FileStateRepository state = new FileStateRepository(data.resolve("events.dat").toFile(), view);
        state.start();
        states.add(state);
        return new ChangeDetector(client, state, view, clock, Duration.ofSeconds(2), start, FirstReadPace.unpaced());
    }

    private static List<String> types(List<TicketEvent> events, String number) {
        return events.stream().filter(e -> e.ticketNumber().equals(number)).map(TicketEvent::type).toList();
    }

    @Test
    void theFirstReadPausesInProportionToWhatItsCallsCostOsTicket() throws Exception {
        for (int i = 0; i < 120; i++) {
            client.createTicket(NewTicket.of("A", "a@example.com", "Helpdesk " + i, "m"));
        }
        // As slow as the real osTicket: a search costs it tens of milliseconds.
        sandbox.timing(TimingProfile.realistic());
        List<Duration> waits = new ArrayList<>();
        Map<String, String> view = new ConcurrentHashMap<>();
        FileStateRepository state = new FileStateRepository(data.resolve("paced.dat").toFile(), view);
        state.start();
        states.add(state);
        ChangeDetector detector = new ChangeDetector(client, state, view, Clock.systemUTC(), Duration.ofSeconds(2),
                "now", new FirstReadPace(0.2, waits::add));
        long searchesBefore = sandbox.callCounts().getOrDefault(ApiOperation.SEARCH, 0L);
        detector.poll(e -> { });
        long searches = sandbox.callCounts().getOrDefault(ApiOperation.SEARCH, 0L) - searchesBefore;

        // At a fifth of the server's time, each search is followed by four times its cost.
        assertThat(waits).hasSizeGreaterThanOrEqualTo((int) searches - 1);
        Duration searchCost = TimingProfile.realistic().times().get(ApiOperation.SEARCH).work();
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(searchCost.multipliedBy(4)
                .minusMillis(1)));
        assertThat(detector.states().all()).hasSize(sandbox.ticketCount());
    }

    @Test
    void aFirstReadCutShortGoesOnFromWhereItStoppedWithTheWatermarkItBeganWith() throws Exception {
        for (int i = 0; i < 30; i++) {
            client.createTicket(NewTicket.of("A", "a@example.com", "Helpdesk " + i, "m")
                    .withDepartment(i % 2 == 0 ? "Support" : "Billing"));
        }
        // The third search of the read fails, as a crash would end it: its pace is told after every call.
        AtomicInteger calls = new AtomicInteger();
        Map<String, String> view = new ConcurrentHashMap<>();
        FileStateRepository state = new FileStateRepository(data.resolve("events.dat").toFile(), view);
        state.start();
        states.add(state);
        ChangeDetector first = new ChangeDetector(client, state, view, Clock.systemUTC(), Duration.ofSeconds(2), "now",
                new FirstReadPace(0.001, wait -> sandbox.failSearches(calls.incrementAndGet() >= 3)));
        assertThatThrownBy(() -> first.poll(e -> { })).isInstanceOf(OsTicketException.class);
        sandbox.failSearches(false);
        int searchesInFirst = calls.get();

        // Meanwhile a ticket read before the cut changes (and so moves to a slice not read yet): the first poll
        // must see it, from the watermark taken before the read, against what the read saw of it.
        String changed = first.states().all().findFirst().orElseThrow().number();
        // osTicket's times have whole seconds: the change is made in a second after the last create's.
        Instant lastCreate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .isAfter(lastCreate));
        client.updateTicket(TicketRef.ofNumber(changed), TicketUpdate.none().withStatus("Closed"));
        long before = sandbox.callCounts().getOrDefault(ApiOperation.SEARCH, 0L);
        ChangeDetector second = detector("now");
        List<TicketEvent> events = new ArrayList<>();
        second.poll(events::add);
        long searchesInSecond = sandbox.callCounts().getOrDefault(ApiOperation.SEARCH, 0L) - before;
        ChangeDetector fresh = new ChangeDetector(client, new MemoryStateRepository(), new ConcurrentHashMap<>(),
                Clock.systemUTC(), Duration.ofSeconds(2), "now", FirstReadPace.unpaced());
        long beforeFresh = sandbox.callCounts().getOrDefault(ApiOperation.SEARCH, 0L);
        fresh.poll(e -> { });
        long searchesInWhole = sandbox.callCounts().getOrDefault(ApiOperation.SEARCH, 0L) - beforeFresh;

        assertThat(searchesInFirst).isGreaterThanOrEqualTo(2);
        assertThat(searchesInSecond).as("the slices read before the cut are not read again")
                .isLessThan(searchesInWhole);
        assertThat(events).as("the first read emits nothing").isEmpty();
        assertThat(second.states().all()).hasSize(sandbox.ticketCount());
        second.poll(events::add);
        assertThat(types(events, changed)).contains("osticket.ticket.status-changed", "osticket.ticket.closed");
    }

    @Test
    void aTicketAlreadyOverdueWhenFirstSeenIsCreatedAndOverdue() throws Exception {
        ChangeDetector detector = detector("now");
        List<TicketEvent> events = new ArrayList<>();
        detector.poll(events::add);
        CreatedTicket created = client.createTicket(NewTicket.of("A", "a@example.com", "Late at once", "m")
                .withDueDate("2020-01-01"));
        detector.poll(events::add);
        assertThat(types(events, created.number())).containsExactly("osticket.ticket.created",
                "osticket.ticket.overdue");
    }

    @Test
    void aSweepFindsADueDatePassedWithoutASearchAndLeavesOtherChangesToThePoll() throws Exception {
        MovableClock clock = new MovableClock();
        ChangeDetector detector = detector("now", clock);
        List<TicketEvent> events = new ArrayList<>();
        TicketRef due = TicketRef.ofNumber(client.createTicket(NewTicket.of("A", "a@example.com", "Due soon", "m")
                .withDueDate("2031-01-01")).number());
        TicketRef reopened = TicketRef.ofNumber(client.createTicket(NewTicket.of("A", "a@example.com", "Closed late",
                "m").withDueDate("2020-01-01")).number());
        client.updateTicket(reopened, TicketUpdate.none().withStatus("Closed"));
        detector.poll(events::add);

        // The due date passes with no update; another ticket is reopened between a poll and the sweep.
        clock.advance(Duration.ofDays(366 * 5));
        client.updateTicket(reopened, TicketUpdate.none().withStatus("Open"));
        sandbox.failSearches(true);
        detector.sweep(events::add);
        sandbox.failSearches(false);
        assertThat(sandbox.failedSearches()).isZero();
        detector.poll(events::add);
        detector.sweep(events::add);

        assertThat(types(events, due.number())).containsExactly("osticket.ticket.overdue");
        assertThat(types(events, reopened.number())).containsExactly("osticket.ticket.status-changed",
                "osticket.ticket.reopened", "osticket.ticket.overdue", "osticket.ticket.updated");
    }

    @Test
    void startingNowEmitsNothingThenEveryKindOfChange() throws Exception {
        ChangeDetector detector = detector("now");
        List<TicketEvent> events = new ArrayList<>();
        detector.poll(events::add);
        detector.poll(events::add);
        assertThat(events).isEmpty();

        CreatedTicket created = client.createTicket(NewTicket.of("A", "a@example.com", "Lifecycle", "m"));
        TicketRef ref = TicketRef.ofNumber(created.number());
        detector.poll(events::add);
        assertThat(types(events, created.number())).containsExactly("osticket.ticket.created");

        client.updateTicket(ref, TicketUpdate.none().withStatus("Closed"));
        detector.poll(events::add);
        client.updateTicket(ref, TicketUpdate.none().withStatus("Open"));
        detector.poll(events::add);
        client.updateTicket(ref, new TicketUpdate(null, "Billing", null, null, "john.doe", null, "High",
                "2020-01-01", null));
        detector.poll(events::add);
        client.deleteTicket(ref);
        detector.poll(events::add);
        detector.sweep(events::add);

        assertThat(types(events, created.number())).containsExactly("osticket.ticket.created",
                "osticket.ticket.status-changed", "osticket.ticket.closed", "osticket.ticket.updated",
                "osticket.ticket.status-changed", "osticket.ticket.reopened", "osticket.ticket.updated",
                "osticket.ticket.assigned", "osticket.ticket.department-changed", "osticket.ticket.priority-changed",
                "osticket.ticket.due-date-changed", "osticket.ticket.overdue", "osticket.ticket.updated",
                "osticket.ticket.deleted");
        TicketEvent assigned = events.stream().filter(e -> e.type().equals("osticket.ticket.assigned")).findFirst()
                .orElseThrow();
        assertThat(assigned.data().at("/changes/assignee/after").asText()).isEqualTo("John Doe");
        assertThat(assigned.data().at("/ticket/department").asText()).isEqualTo("Billing");
        assertThat(events).extracting(TicketEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void ticketsChangedInTheSameSecondAreEachSeenOnce() throws Exception {
        ChangeDetector detector = detector("now");
        detector.poll(e -> { });
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(client.createTicket(NewTicket.of("A", "a@example.com", "Same second " + i, "m")).number());
        }
        List<TicketEvent> events = new ArrayList<>();
        detector.poll(events::add);
        detector.poll(events::add);
        detector.poll(events::add);
        assertThat(events).extracting(TicketEvent::ticketNumber).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(events).extracting(TicketEvent::type).containsOnly("osticket.ticket.created");
    }

    @Test
    void aChangeWhilePagingIsCaughtByTheNextPoll() throws Exception {
        sandbox.addTickets(250, "Paged");
        ChangeDetector detector = detector(Instant.now().minus(Duration.ofDays(2)).toString());
        String late = client.searchTickets(org.osticketgateway.osticket.model.SearchQuery.all().withQuery("Paged 3"))
                .tickets().get(0).number();
        List<TicketEvent> events = new ArrayList<>();
        int[] seen = {0};
        int calls = detector.poll(event -> {
            events.add(event);
            if (++seen[0] == 1) {
                // While the poll is on its first page, a ticket further down changes.
                client.updateTicket(TicketRef.ofNumber(late), TicketUpdate.none().withNote("changed mid-poll"));
            }
        });
        assertThat(calls).isGreaterThan(2);
        detector.poll(events::add);
        // The changed ticket jumped to the top of a page already read: the first poll never saw it,
        // the next one does — once.
        assertThat(types(events, late)).containsExactly("osticket.ticket.created");
        assertThat(events.stream().filter(e -> e.data().at("/ticket/subject").asText().startsWith("Paged ")))
                .hasSize(250);
        assertThat(events).extracting(TicketEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void aFailureOrRestartMidPollRepeatsNothingAndMissesNothing() throws Exception {
        ChangeDetector first = detector("now");
        first.poll(e -> { });
        for (int i = 0; i < 6; i++) {
            client.createTicket(NewTicket.of("A", "a@example.com", "Mid poll " + i, "m"));
        }
        List<TicketEvent> events = new ArrayList<>();
        assertThatThrownBy(() -> first.poll(event -> {
            if (events.size() == 3) {
                throw new IllegalStateException("Kafka went away");
            }
            events.add(event);
        })).hasMessage("Kafka went away");

        sandbox.failSearches(true);
        ChangeDetector restarted = detector("now");
        assertThatThrownBy(() -> restarted.poll(events::add)).hasMessageContaining("500");
        sandbox.failSearches(false);
        restarted.poll(events::add);
        restarted.poll(events::add);

        assertThat(events).hasSize(6).extracting(TicketEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void aPollCostsWhatChangedNotHowManyTicketsThereAre() throws Exception {
        sandbox.addTickets(100_000, "Bulk");
        ChangeDetector detector = detector(Instant.now().minus(Duration.ofHours(1)).toString());
        List<TicketEvent> events = new ArrayList<>();
        detector.poll(events::add);
        events.clear();

        int none = detector.poll(events::add);
        List<String> numbers = client.searchTickets(org.osticketgateway.osticket.model.SearchQuery.all()
                .withQuery("Bulk 1").withPage(100, 0)).tickets().stream().map(t -> t.number()).toList();
        for (String number : numbers.subList(0, 10)) {
            client.updateTicket(TicketRef.ofNumber(number), TicketUpdate.none().withNote("ten"));
        }
        int ten = detector.poll(events::add);
        assertThat(events).hasSize(10);
        events.clear();
        List<String> thousand = client.searchAll(org.osticketgateway.osticket.model.SearchQuery.all()
                .withQuery("Bulk 5")).limit(1000).map(t -> t.number()).toList();
        for (String number : thousand) {
            client.updateTicket(TicketRef.ofNumber(number), TicketUpdate.none().withNote("thousand"));
        }
        int many = detector.poll(events::add);
        assertThat(events).hasSize(1000);
        LoggerFactory.getLogger(ChangeDetectorTest.class).info(
                "API calls per poll at 100,000 tickets: 0 changes {}, 10 changes {}, 1,000 changes {}", none, ten, many);
        assertThat(none).isEqualTo(1);
        assertThat(ten).isEqualTo(1);
        assertThat(many).isBetween(10, 12);
    }
}
