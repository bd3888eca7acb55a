package io.attune.core.scoring;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Event;
import io.attune.core.model.Cap;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Decay bounds and monotonicity, caps and maxPoints, over random event streams scored one by one. */
class ScoringProperties {
    private static final List<Double> DECAYS = List.of(0.0, 0.1, 0.25, 0.5, 0.9);
    private static final List<ScoringModel> MODELS = DECAYS.stream().map(ScoringProperties::model).toList();
    private static final long MINUTE = 60_000L;

    private final Scorer scorer = new Scorer();

    /** Only non-negative rules: once the events are in, engagement is never negative and never grows. */
    @Property(tries = 500)
    void engagement_is_never_negative_and_never_increases_without_new_events(
            @ForAll("decayIndex") int decayIndex, @ForAll("events") List<Event> events,
            @ForAll @LongRange(min = -1_000_000, max = 200 * 24 * 60) long firstReadMinutes,
            @ForAll @LongRange(min = 0, max = 400 * 24 * 60) long gapMinutes) {
        ScoringModel model = MODELS.get(decayIndex);
        LeadScore score = scoreAll(model, events, new ArrayList<>());

        long t1 = TestEvents.T0.toEpochMilli() + firstReadMinutes * MINUTE;
        long t2 = t1 + gapMinutes * MINUTE;
        double first = score.engagementAt(t1, model.decay());
        double second = score.engagementAt(t2, model.decay());

        assertThat(first).isGreaterThanOrEqualTo(0);
        assertThat(second).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(first);
        assertThat(score.engagement().value()).isGreaterThanOrEqualTo(0);
    }

    /** The same holds for any instant read, even between events in the stream. */
    @Property(tries = 300)
    void a_read_at_a_later_time_never_exceeds_a_read_at_an_earlier_time(
            @ForAll("decayIndex") int decayIndex, @ForAll("events") List<Event> events,
            @ForAll @DoubleRange(min = 0, max = 1) double where) {
        ScoringModel model = MODELS.get(decayIndex);
        LeadScore score = scoreAll(model, events, new ArrayList<>());
        long last = events.stream().mapToLong(e -> e.timestamp().toEpochMilli()).max().orElse(0);
        long t1 = last - (long) (where * 30 * 24 * 60 * MINUTE);

        assertThat(score.engagementAt(t1 + MINUTE, model.decay()))
                .isLessThanOrEqualTo(score.engagementAt(t1, model.decay()));
    }

    /** For events in time order, no window of a cap's length holds more than its count of scorings. */
    @Property(tries = 500)
    void caps_are_honoured_in_every_window(@ForAll("decayIndex") int decayIndex,
            @ForAll("events") List<Event> events) {
        ScoringModel model = MODELS.get(decayIndex);
        List<Event> inOrder = events.stream().sorted(Comparator.comparing(Event::timestamp)).toList();
        List<Contribution> earned = new ArrayList<>();
        scoreAll(model, inOrder, earned);

        for (EngagementRule rule : model.engagement()) {
            if (rule.cap().isEmpty()) {
                continue;
            }
            Cap cap = rule.cap().get();
            long[] times = earned.stream().filter(c -> c.rule().equals(rule.id()))
                    .mapToLong(c -> c.at().toEpochMilli()).sorted().toArray();
            for (int i = 0; i + cap.count() < times.length; i++) {
                assertThat(times[i + cap.count()] - times[i]).as("%s scored %d times within %s", rule.id(),
                        cap.count() + 1, cap.per()).isGreaterThanOrEqualTo(cap.per().toMillis());
            }
        }
    }

    /** For events in time order, a rule's current value never goes above its maxPoints. */
    @Property(tries = 500)
    void a_rule_never_holds_more_than_its_max_points(@ForAll("decayIndex") int decayIndex,
            @ForAll("events") List<Event> events, @ForAll @LongRange(min = 0, max = 90 * 24 * 60) long later) {
        ScoringModel model = MODELS.get(decayIndex);
        List<Event> inOrder = events.stream().sorted(Comparator.comparing(Event::timestamp)).toList();
        LeadScore score = LeadScore.empty(model);
        for (Event event : inOrder) {
            score = scorer.score(model, score, event, new EventFacts(event, Map.of(), Map.of(), score, model)).score();
            long now = event.timestamp().toEpochMilli();
            assertMaxPoints(model, score, now);
            assertMaxPoints(model, score, now + later * MINUTE);
        }
    }

    private static void assertMaxPoints(ScoringModel model, LeadScore score, long at) {
        for (int i = 0; i < model.engagement().size(); i++) {
            EngagementRule rule = model.engagement().get(i);
            if (rule.maxPoints().isPresent()) {
                assertThat(score.tally(i).value().at(at, model.decay())).as(rule.id().value())
                        .isLessThanOrEqualTo(rule.maxPoints().getAsDouble() + 1e-9);
            }
        }
    }

    private LeadScore scoreAll(ScoringModel model, List<Event> events, List<Contribution> earned) {
        LeadScore score = LeadScore.empty(model);
        for (Event event : events) {
            ScoreUpdate update = scorer.score(model, score, event, new EventFacts(event, Map.of(), Map.of(), score,
                    model));
            assertThat(update.failures()).isEmpty();
            earned.addAll(update.contributions());
            score = update.score();
        }
        return score;
    }

    @Provide
    Arbitrary<Integer> decayIndex() {
        return Arbitraries.integers().between(0, DECAYS.size() - 1);
    }

    /** Page views and tracks in any time order, often close together so that caps bite. */
    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Long> minutes = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3 * 24 * 60),
                Arbitraries.longs().between(0, 120 * 24 * 60));
        Arbitrary<Event> event = Combinators.combine(minutes, Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 1000)).as((minute, what, n) -> {
                    TestEvents.Sender pat = TestEvents.anonymous("a-pat").messageId("m-" + minute + "-" + what + "-" + n)
                            .at(TestEvents.T0.plus(Duration.ofMinutes(minute)));
                    return switch (what) {
                        case 0 -> pat.page("/pricing");
                        case 1, 2 -> pat.page("/blog/post-" + n);
                        case 3 -> pat.page("/about");
                        case 4, 5 -> pat.track("Demo Requested");
                        case 6 -> pat.track("Webinar Attended");
                        default -> pat.track("Newsletter Opened");
                    };
                });
        return event.list().ofMaxSize(40);
    }

    private static ScoringModel model(double decay) {
        return TestModels.model("positive", Segment.EMPLOYER).decayPerQuarter(decay).threshold(50)
                .engagement(
                        rule("pricing_page").kind("page").when("page.path == '/pricing'").points(15).cap(1, "7d"),
                        rule("blog_read").kind("page").when("page.path.startsWith('/blog/')").points(3).maxPoints(9),
                        rule("any_page").kind("page").points(1),
                        rule("demo_request").kind("track").names("Demo Requested").points(30).cap(2, "1d")
                                .maxPoints(50),
                        rule("webinar").kind("track").names("Webinar Attended").points(10).cap(3, "12h"))
                .compile();
    }
}
