package io.attune.core.scoring;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Event;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The learned term over random event streams and random non-negative weights: bounded by its points,
 * never growing while no event arrives (its rules only decay), and a pure function of the score,
 * so replaying the events or restoring the stored score gives it exactly.
 */
class LearnedTermProperties {
    private static final List<Double> DECAYS = List.of(0.0, 0.1, 0.25, 0.5, 0.9);
    private static final long MINUTE = 60_000L;

    private final Scorer scorer = new Scorer();

    @Property(tries = 300)
    void the_term_stays_within_its_points_and_never_increases_between_events(
            @ForAll("models") ScoringModel model, @ForAll("events") List<Event> events,
            @ForAll @LongRange(min = 0, max = 200 * 24 * 60) long afterMinutes,
            @ForAll @LongRange(min = 0, max = 400 * 24 * 60) long gapMinutes) {
        LeadScore score = scoreAll(model, events);
        long last = events.stream().mapToLong(e -> e.timestamp().toEpochMilli()).max()
                .orElse(TestEvents.T0.toEpochMilli());
        long t1 = last + afterMinutes * MINUTE;
        long t2 = t1 + gapMinutes * MINUTE;
        double points = model.learned().orElseThrow().points();

        double first = LearnedValue.pointsOf(LearnedValue.of(model, score, t1));
        double second = LearnedValue.pointsOf(LearnedValue.of(model, score, t2));

        assertThat(first).isBetween(0.0, points);
        assertThat(second).isBetween(0.0, points).isLessThanOrEqualTo(first);
    }

    @Property(tries = 200)
    void replaying_the_events_or_restoring_the_stored_score_gives_the_same_term(
            @ForAll("models") ScoringModel model, @ForAll("events") List<Event> events,
            @ForAll @LongRange(min = 0, max = 200 * 24 * 60) long readMinutes) {
        long at = TestEvents.T0.toEpochMilli() + readMinutes * MINUTE;
        LeadScore live = scoreAll(model, events);
        LeadScore replayed = scoreAll(model, events);
        LeadScore restored = LeadScore.restore(model, live.fit(), live.fitContributions(), live.engagement(),
                live.tallies(model), Optional.empty(), Optional.empty());

        assertThat(replayed).isEqualTo(live);
        assertThat(LearnedValue.of(model, replayed, at)).isEqualTo(LearnedValue.of(model, live, at));
        assertThat(LearnedValue.of(model, restored, at)).isEqualTo(LearnedValue.of(model, live, at));
    }

    private LeadScore scoreAll(ScoringModel model, List<Event> events) {
        LeadScore score = LeadScore.empty(model);
        for (Event event : events) {
            score = scorer.score(model, score, event, new EventFacts(event, Map.of(), Map.of(), score, model)).score();
        }
        return score;
    }

    @Provide
    Arbitrary<ScoringModel> models() {
        Arbitrary<Double> weight = Arbitraries.doubles().between(0, 0.5);
        return Combinators.combine(Arbitraries.integers().between(0, DECAYS.size() - 1), weight, weight, weight,
                Arbitraries.doubles().between(-6, 2), Arbitraries.doubles().between(0.1, 3),
                Arbitraries.doubles().between(-2, 2), Arbitraries.doubles().between(1, 1000))
                .as((decay, pricing, blog, demo, intercept, slope, offset, points) -> {
                    Map<String, Double> weights = new LinkedHashMap<>();
                    weights.put("pricing_page", pricing);
                    weights.put("blog_read", blog);
                    weights.put("demo_request", demo);
                    return TestModels.model("learned", Segment.EMPLOYER).decayPerQuarter(DECAYS.get(decay))
                            .threshold(50)
                            .engagement(
                                    rule("pricing_page").kind("page").when("page.path == '/pricing'").points(15)
                                            .cap(1, "7d"),
                                    rule("blog_read").kind("page").when("page.path.startsWith('/blog/')").points(3)
                                            .maxPoints(9),
                                    rule("demo_request").kind("track").names("Demo Requested").points(30))
                            .learned(TestModels.learned(points, intercept, weights, slope, offset))
                            .compile();
                });
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> event = Combinators.combine(Arbitraries.longs().between(0, 60 * 24 * 60),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1000))
                .as((minute, what, n) -> {
                    TestEvents.Sender pat = TestEvents.anonymous("a-pat").messageId("m-" + minute + "-" + what + "-" + n)
                            .at(TestEvents.T0.plus(Duration.ofMinutes(minute)));
                    return switch (what) {
                        case 0 -> pat.page("/pricing");
                        case 1 -> pat.page("/blog/post-" + n);
                        case 2 -> pat.track("Demo Requested");
                        default -> pat.page("/about");
                    };
                });
        return event.list().ofMaxSize(30);
    }
}
