package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.account.AccountState;
import io.attune.core.event.Event;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.model.Decay;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Recording is deterministic, idempotent and loses nothing in identity merges: the properties that
 * rebuilds, retries and cross-device journeys rely on.
 */
class RecordEventProperties {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-props");
    private static final ModelCatalog EMPLOYER_FIRST = TestModels.catalog(Segment.EMPLOYER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);
    private static final ModelCatalog CONSUMER_FIRST = TestModels.catalog(Segment.CONSUMER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);
    private static final List<String> ANONYMOUS = List.of("a-1", "a-2", "a-3");
    private static final List<String> USERS = List.of("u-1", "u-2");

    @Property(tries = 300)
    void the_same_events_in_the_same_order_give_the_same_state(@ForAll("journeys") List<Event> events,
            @ForAll boolean employerFirst) {
        ModelCatalog catalog = employerFirst ? EMPLOYER_FIRST : CONSUMER_FIRST;
        Run first = Run.of(catalog, events);
        Run second = Run.of(catalog, events);
        Statistics.label("merges").collect(first.recorded.stream()
                .anyMatch(r -> r instanceof Recorded.Accepted a && !a.merged().isEmpty()));
        Statistics.label("accounts").collect(first.book.accounts().size());
        Statistics.label("transitions").collect(Math.min(first.book.transitions().size(), 3));

        assertThat(second.recorded).isEqualTo(first.recorded);
        assertThat(second.book.leads()).containsExactlyElementsOf(first.book.leads());
        assertThat(second.book.accounts()).containsExactlyElementsOf(first.book.accounts());
        assertThat(second.book.transitions()).isEqualTo(first.book.transitions());
        assertThat(second.book.accountTransitions()).isEqualTo(first.book.accountTransitions());
    }

    @Property(tries = 300)
    void recording_a_message_twice_equals_recording_it_once(@ForAll("journeys") List<Event> events,
            @ForAll("retries") List<Integer> retries) {
        List<Event> retried = new ArrayList<>(events);
        for (int i = 0; i < retries.size() && !events.isEmpty(); i++) {
            int original = retries.get(i) % events.size();
            int position = Math.min(retried.size(), original + 1 + (retries.get(i) / events.size()) % 5);
            retried.add(position, events.get(original));
        }
        List<Event> once = new ArrayList<>();
        Set<MessageId> seen = new HashSet<>();
        for (Event event : retried) {
            if (seen.add(event.messageId())) {
                once.add(event);
            }
        }

        Run withRetries = Run.of(EMPLOYER_FIRST, retried);
        Run deduplicated = Run.of(EMPLOYER_FIRST, once);

        assertThat(withRetries.recorded.stream().filter(Recorded.Duplicate.class::isInstance))
                .hasSize(retried.size() - once.size());
        assertThat(withRetries.book.leads()).containsExactlyElementsOf(deduplicated.book.leads());
        assertThat(withRetries.book.accounts()).containsExactlyElementsOf(deduplicated.book.accounts());
        assertThat(withRetries.book.transitions()).isEqualTo(deduplicated.book.transitions());
        assertThat(withRetries.book.accountTransitions()).isEqualTo(deduplicated.book.accountTransitions());
    }

    /**
     * Events sent from two browsers that are later joined (by identify or alias) give the lead the
     * same score as the same events sent from one browser from the start.
     */
    @Property(tries = 300)
    void joining_two_anonymous_ids_neither_loses_nor_double_counts_engagement(
            @ForAll("activity") List<Tuple.Tuple2<Boolean, Event>> activity, @ForAll boolean joinByAlias) {
        Instant end = TestEvents.T0.plus(Duration.ofDays(40));
        List<Event> spread = new ArrayList<>();
        List<Event> single = new ArrayList<>();
        for (Tuple.Tuple2<Boolean, Event> step : activity) {
            spread.add(resend(step.get2(), step.get1() ? "a-laptop" : "a-phone"));
            single.add(resend(step.get2(), "a-laptop"));
        }
        Event identify = TestEvents.user("u-pat", "a-laptop").at(end).identify(Map.of("title", "Benefits Manager"));
        Event join = joinByAlias
                ? TestEvents.user("u-pat").at(end.plusSeconds(1)).alias("a-phone")
                : TestEvents.user("u-pat", "a-phone").at(end.plusSeconds(1)).identify(Map.of());
        spread.add(identify);
        spread.add(join);
        single.add(identify);
        single.add(join);

        LeadState merged = Run.of(EMPLOYER_FIRST, spread).lead("u-pat");
        LeadState alone = Run.of(EMPLOYER_FIRST, single).lead("u-pat");

        assertThat(merged.score().engagement()).isEqualTo(alone.score().engagement());
        assertThat(merged.score().tallies(IngestModels.EMPLOYER)).isEqualTo(alone.score().tallies(IngestModels.EMPLOYER));
        assertThat(merged.score().fit()).isEqualTo(alone.score().fit());
        assertThat(merged.events()).isEqualTo(alone.events());
        assertThat(merged.firstSeen()).isEqualTo(alone.firstSeen());
    }

    /** An account's engagement is the sum of its contacts', and it counts exactly the leads attached to it. */
    @Property(tries = 300)
    void an_account_holds_exactly_its_contacts_engagement(@ForAll("journeys") List<Event> events) {
        Run run = Run.of(EMPLOYER_FIRST, events);
        // after every event: a value read before the instant it is kept at is not decayed back
        long readAt = events.stream().mapToLong(e -> e.timestamp().toEpochMilli()).max().orElse(0) + 86_400_000L;
        Decay decay = IngestModels.EMPLOYER.decay();

        for (AccountState account : run.book.accounts()) {
            List<LeadState> contacts = run.book.leads().stream()
                    .filter(lead -> lead.account().equals(Optional.of(account.id()))).toList();
            double sum = contacts.stream().mapToDouble(lead -> lead.score().engagement().at(readAt, decay)).sum();
            double scale = 1 + contacts.stream()
                    .mapToDouble(lead -> Math.abs(lead.score().engagement().at(readAt, decay))).sum();

            assertThat(account.contacts()).as("contacts of %s", account.id()).isEqualTo(contacts.size());
            assertThat(account.engagement().at(readAt, decay)).as("engagement of %s", account.id())
                    .isCloseTo(sum, within(1e-9 * scale));
        }
    }

    /** The same event (time, kind, name, properties and message id) sent from another anonymous id. */
    private static Event resend(Event event, String anonymousId) {
        TestEvents.Sender sender = TestEvents.anonymous(anonymousId).at(event.timestamp())
                .messageId(event.messageId().value());
        if (event instanceof Page page) {
            return sender.page(page.name(), page.category(), page.properties().asMap());
        }
        return sender.track(event.name(), event.attributes().asMap());
    }

    @Provide
    Arbitrary<List<Integer>> retries() {
        return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(8);
    }

    /** Page views and tracks, each from the laptop (true) or the phone, in time order. */
    @Provide
    Arbitrary<List<Tuple.Tuple2<Boolean, Event>>> activity() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.of("/pricing", "/blog/one", "/blog/two", "/careers/nurse", "/about")
                        .map(path -> (Step) s -> s.page(path)),
                Arbitraries.of("Demo Requested", "ROI Calculator Completed", "Newsletter Opened")
                        .map(name -> (Step) s -> s.track(name)));
        Arbitrary<Long> gap = Arbitraries.longs().between(0, 3 * 24 * 60);
        return Combinators.combine(Arbitraries.of(true, false), step, gap).as(Tuple::of).list().ofMaxSize(25)
                .map(specs -> {
                    List<Tuple.Tuple2<Boolean, Event>> activity = new ArrayList<>();
                    Instant at = TestEvents.T0;
                    for (Tuple.Tuple3<Boolean, Step, Long> spec : specs) {
                        at = at.plus(Duration.ofMinutes(spec.get3()));
                        String messageId = "m-" + activity.size();
                        Timed sender = new Timed(TestEvents.anonymous("a-any").messageId(messageId).at(at), at);
                        activity.add(Tuple.of(spec.get1(), spec.get2().event(sender)));
                    }
                    return activity;
                });
    }

    /** Journeys over a few people, browsers, companies and segments, in time order with occasional stragglers. */
    @Provide
    Arbitrary<List<Event>> journeys() {
        Arbitrary<String> userId = Arbitraries.of(USERS).injectNull(0.5);
        Arbitrary<String> anonymousId = Arbitraries.of(ANONYMOUS).injectNull(0.3);
        Arbitrary<TestEvents.Sender> sender = Combinators.combine(userId, anonymousId).as((user, anonymous) -> {
            if (user == null) {
                return TestEvents.anonymous(anonymous == null ? ANONYMOUS.get(0) : anonymous);
            }
            return anonymous == null ? TestEvents.user(user) : TestEvents.user(user, anonymous);
        });
        Arbitrary<Map<String, Object>> traits = Combinators.combine(
                Arbitraries.of("pat@acme.com", "sam@acme.com", "kim@beta.org", "lee@gmail.com", "x@rival.com")
                        .injectNull(0.4),
                Arbitraries.of("VP Benefits", "CFO", "Intern").injectNull(0.5),
                Arbitraries.of("employer", "consumer").injectNull(0.8),
                Arbitraries.of(16, 34).injectNull(0.8)).as((email, title, segment, age) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("email", email);
                    map.put("title", title);
                    map.put("segment", segment);
                    map.put("age", age);
                    return map;
                });
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("/pricing", "/blog/one", "/blog/two", "/careers/nurse",
                        "/conditions/anxiety").map(path -> (Step) s -> s.page(path))),
                Tuple.of(4, Arbitraries.of("Demo Requested", "ROI Calculator Completed", "Job Application Submitted",
                        "Insurance Checked", "Appointment Booked").map(name -> (Step) s -> s.track(name))),
                Tuple.of(3, traits.map(map -> (Step) s -> s.identify(map))),
                Tuple.of(1, Arbitraries.of("g-acme", "g-beta").map(group -> (Step) s -> s.group(group,
                        group.equals("g-acme") ? Map.of("domain", "acme.com", "employees", 5000)
                                : Map.of("name", "Beta")))),
                Tuple.of(1, Combinators.combine(Arbitraries.of(USERS), Arbitraries.of(ANONYMOUS))
                        .as((user, previous) -> (Step) s -> TestEvents.user(user).at(s.time()).alias(previous))));
        Arbitrary<Long> gap = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 24 * 60)),
                Tuple.of(2, Arbitraries.longs().between(0, 20 * 24 * 60)),
                Tuple.of(1, Arbitraries.longs().between(-3 * 24 * 60, 0)));
        return Combinators.combine(sender, step, gap).as(Tuple::of).list().ofMaxSize(30).map(specs -> {
            List<Event> events = new ArrayList<>();
            Instant at = TestEvents.T0;
            for (Tuple.Tuple3<TestEvents.Sender, Step, Long> spec : specs) {
                at = at.plus(Duration.ofMinutes(spec.get3()));
                events.add(spec.get2().event(new Timed(spec.get1().at(at), at)));
            }
            return events;
        });
    }

    /** One step of a journey, made into an event for a sender at a time. */
    private interface Step {
        Event event(Timed sender);
    }

    private record Timed(TestEvents.Sender sender, Instant time) {
        Event page(String path) {
            return sender.page(path);
        }

        Event track(String name) {
            return sender.track(name);
        }

        Event identify(Map<String, ?> traits) {
            return sender.identify(traits);
        }

        Event group(String groupId, Map<String, ?> traits) {
            return sender.group(groupId, traits);
        }
    }

    /** Events recorded one by one into a fresh book. */
    private static final class Run {
        final InMemoryLeadBook book = new InMemoryLeadBook();
        final List<Recorded> recorded = new ArrayList<>();

        static Run of(ModelCatalog catalog, List<Event> events) {
            Run run = new Run();
            RecordEvent record = new RecordEvent(WORKSPACE, catalog, run.book, new LeadScoring());
            for (Event event : events) {
                run.recorded.add(record.record(event));
            }
            return run;
        }

        LeadState lead(String userId) {
            return book.leadOf(new Identity(IdentityKind.USER_ID, userId)).flatMap(book::lead).orElseThrow();
        }
    }
}
