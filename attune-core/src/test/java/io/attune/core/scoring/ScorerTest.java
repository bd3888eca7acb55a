package io.attune.core.scoring;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Event;
import io.attune.core.model.Decay;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final Instant T0 = TestEvents.T0;
    private static final TestEvents.Sender PAT = TestEvents.anonymous("a-pat");

    private final ScoringModel model = TestModels.model("scorer-test", Segment.EMPLOYER)
            .threshold(50)
            .fit(rule("vp_title").when("has(lead.title) && lead.title.contains('VP')").points(20))
            .engagement(
                    rule("pricing_page").kind("page").when("page.path == '/pricing'").points(15).cap(1, "7d"),
                    rule("blog_read").kind("page").when("page.path.startsWith('/blog/')").points(4).maxPoints(10),
                    rule("demo_request").kind("track").names("Demo Requested").points(30),
                    rule("webinar").kind("track").names("Webinar Attended").when("props.minutes >= 30").points(10))
            .negative(
                    rule("careers_page").kind("page").when("page.path.startsWith('/careers')").points(8),
                    rule("student").when("has(lead.title) && lead.title.contains('Student')").points(15))
            .disqualify(
                    rule("job_seeker").kind("track").names("Job Application Submitted").when("true")
                            .reason("job seeker"),
                    rule("competitor").when("has(lead.emailDomain) && lead.emailDomain == 'rival.com'")
                            .reason("competitor"))
            .compile();

    private final Scorer scorer = new Scorer();

    @Test
    void pricing_page_scores_once_per_cap_window() {
        List<Contribution> earned = new ArrayList<>();
        LeadScore score = score(earned,
                PAT.at(T0).page("/pricing"),
                PAT.at(T0.plus(Duration.ofDays(3))).page("/pricing"),
                PAT.at(T0.plus(Duration.ofDays(6).plusHours(23))).page("/pricing"),
                PAT.at(T0.plus(Duration.ofDays(7))).page("/pricing"));

        assertThat(earned).extracting(Contribution::at).containsExactly(T0, T0.plus(Duration.ofDays(7)));
        assertThat(score.tally(model.engagementIndexOf(new RuleId("pricing_page"))).count()).isEqualTo(2);
    }

    @Test
    void max_points_bounds_what_a_rule_is_worth_now() {
        List<Contribution> earned = new ArrayList<>();
        LeadScore score = score(earned,
                PAT.at(T0).page("/blog/a"),
                PAT.at(T0).page("/blog/b"),
                PAT.at(T0).page("/blog/c"),
                PAT.at(T0).page("/blog/d"));

        assertThat(earned).extracting(Contribution::points).containsExactly(4.0, 4.0, 2.0);
        RuleTally blog = score.tally(model.engagementIndexOf(new RuleId("blog_read")));
        assertThat(blog.value().at(T0.toEpochMilli(), model.decay())).isEqualTo(10.0);
        assertThat(blog.count()).isEqualTo(3);
        assertThat(blog.earned()).isEqualTo(10.0);
    }

    @Test
    void a_rule_at_its_max_points_earns_again_as_its_value_decays() {
        List<Contribution> earned = new ArrayList<>();
        Instant later = T0.plus(Decay.QUARTER);
        score(earned, PAT.at(T0).page("/blog/a"), PAT.at(T0).page("/blog/b"), PAT.at(T0).page("/blog/c"),
                PAT.at(later).page("/blog/d"));

        // 10 decayed by a quarter is 7.5, so the rule may earn 2.5 more
        assertThat(earned.get(earned.size() - 1).points()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void negative_rules_subtract_but_engagement_never_reads_below_zero() {
        List<Contribution> earned = new ArrayList<>();
        LeadScore score = score(earned, PAT.at(T0).page("/blog/a"), PAT.at(T0.plusSeconds(60)).page("/careers/nurse"));

        assertThat(earned).extracting(c -> c.rule().value(), Contribution::points)
                .containsExactly(tuple("blog_read", 4.0),
                        tuple("careers_page", -8.0));
        assertThat(score.engagement().value()).isNegative();
        assertThat(score.engagementAt(T0.plusSeconds(60).toEpochMilli(), model.decay())).isZero();
    }

    @Test
    void rules_with_names_apply_only_to_events_of_those_names() {
        List<Contribution> earned = new ArrayList<>();
        score(earned, PAT.at(T0).track("Demo Viewed"), PAT.at(T0).track("Demo Requested"));

        assertThat(earned).extracting(c -> c.rule().value()).containsExactly("demo_request");
    }

    @Test
    void a_contribution_names_its_rule_time_and_event() {
        Event demo = PAT.at(T0).track("Demo Requested");
        List<Contribution> earned = new ArrayList<>();
        score(earned, demo);

        assertThat(earned).containsExactly(new Contribution(new RuleId("demo_request"), 30, T0, demo.messageId()));
        assertThat(earned.get(0).valueAt(T0.plus(Decay.QUARTER), model.decay())).isCloseTo(22.5, within(1e-9));
    }

    @Test
    void a_condition_that_cannot_be_evaluated_is_reported_never_silently_false() {
        Event webinar = PAT.at(T0).track("Webinar Attended", Map.of("minutes", "forty"));

        ScoreUpdate update = scorer.score(model, LeadScore.empty(model), webinar, facts(webinar, Map.of()));

        assertThat(update.contributions()).isEmpty();
        assertThat(update.failures()).extracting(RuleFailure::rule).containsExactly(new RuleId("webinar"));
        assertThat(update.failures().get(0).message()).contains("string");
    }

    @Test
    void an_event_rule_disqualifies_for_good() {
        LeadScore score = score(new ArrayList<>(),
                PAT.at(T0).track("Job Application Submitted"),
                PAT.at(T0.plus(Duration.ofDays(200))).track("Demo Requested"));

        assertThat(score.disqualification()).hasValueSatisfying(out -> {
            assertThat(out.rule()).isEqualTo(new RuleId("job_seeker"));
            assertThat(out.reason()).isEqualTo("job seeker");
            assertThat(out.at()).isEqualTo(T0);
        });
        assertThat(Qualification.of(model, score, T0.plus(Duration.ofDays(200))).qualified()).isFalse();
    }

    @Test
    void an_attribute_rule_disqualifies_while_the_attribute_matches() {
        LeadScore score = LeadScore.empty(model);

        LeadScore rival = scorer.fit(model, score, attributes(Map.of("emailDomain", "rival.com")), T0).score();
        LeadScore moved = scorer.fit(model, rival, attributes(Map.of("emailDomain", "acme.com")), T0.plusSeconds(5))
                .score();

        assertThat(rival.attributeDisqualification()).hasValueSatisfying(out -> {
            assertThat(out.reason()).isEqualTo("competitor");
            assertThat(out.at()).isEqualTo(T0);
        });
        assertThat(moved.disqualification()).isEmpty();
    }

    @Test
    void an_attribute_disqualification_keeps_its_first_time_while_it_still_matches() {
        LeadScore rival = scorer.fit(model, LeadScore.empty(model), attributes(Map.of("emailDomain", "rival.com")), T0)
                .score();

        LeadScore again = scorer.fit(model, rival, attributes(Map.of("emailDomain", "rival.com", "title", "VP")),
                T0.plus(Duration.ofDays(1))).score();

        assertThat(again.attributeDisqualification().orElseThrow().at()).isEqualTo(T0);
    }

    @Test
    void fit_sums_the_matching_fit_rules_and_negative_fit_rules() {
        Scorer.FitUpdate update = scorer.fit(model, LeadScore.empty(model),
                attributes(Map.of("title", "VP Benefits (Student Intern)")), T0);

        assertThat(update.score().fit()).isEqualTo(5.0);
        assertThat(update.score().fitContributions()).containsExactly(
                new FitContribution(new RuleId("vp_title"), 20), new FitContribution(new RuleId("student"), -15));
        assertThat(update.failures()).isEmpty();
    }

    @Test
    void fit_is_recomputed_from_scratch_when_attributes_change() {
        LeadScore vp = scorer.fit(model, LeadScore.empty(model), attributes(Map.of("title", "VP Benefits")), T0).score();

        LeadScore analyst = scorer.fit(model, vp, attributes(Map.of("title", "Analyst")), T0).score();

        assertThat(vp.fit()).isEqualTo(20);
        assertThat(analyst.fit()).isZero();
        assertThat(analyst.fitContributions()).isEmpty();
    }

    @Test
    void scoring_an_event_no_rule_wants_returns_the_same_score() {
        LeadScore score = LeadScore.empty(model);
        Event other = PAT.at(T0).track("Newsletter Opened");

        assertThat(scorer.score(model, score, other, facts(other, Map.of())).score()).isSameAs(score);
    }

    private LeadScore score(List<Contribution> earned, Event... events) {
        LeadScore score = LeadScore.empty(model);
        for (Event event : events) {
            ScoreUpdate update = scorer.score(model, score, event, facts(event, Map.of(), score));
            assertThat(update.failures()).isEmpty();
            earned.addAll(update.contributions());
            score = update.score();
        }
        return score;
    }

    private EventFacts facts(Event event, Map<String, Object> lead) {
        return facts(event, lead, LeadScore.empty(model));
    }

    private EventFacts facts(Event event, Map<String, Object> lead, LeadScore score) {
        return new EventFacts(event, lead, Map.of(), score, model);
    }

    private static AttributeFacts attributes(Map<String, Object> lead) {
        return new AttributeFacts(lead, Map.of());
    }
}
