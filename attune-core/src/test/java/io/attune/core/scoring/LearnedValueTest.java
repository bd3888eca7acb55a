package io.attune.core.scoring;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.CrisisRecord;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lead.SalesRecord;
import io.attune.core.lifecycle.Stage;
import io.attune.core.minors.AgeBand;
import io.attune.core.model.Decay;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnedValueTest {
    private static final Instant T0 = TestEvents.T0;
    private static final RuleId VP = new RuleId("vp_title");
    private static final RuleId PRICING = new RuleId("pricing");

    /** 40 × sigmoid(0.8 × (−2 + 0.05 × fit rule + 0.1 × pricing) + 0.1), decay 25% a quarter. */
    private static TestModels.ModelBuilder learnedModel() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("vp_title", 0.05);
        weights.put("pricing", 0.1);
        return TestModels.model("learned", Segment.EMPLOYER).threshold(55)
                .fit(rule("vp_title").when("lead.title.contains('VP')").points(20))
                .engagement(rule("pricing").kind("page").when("page.path == '/pricing'").points(15))
                .learned(TestModels.learned(40, -2, weights, 0.8, 0.1));
    }

    private final ScoringModel model = learnedModel().compile();

    @Test
    void the_term_is_points_times_the_calibrated_probability_of_the_rule_values_now() {
        LearnedValue now = LearnedValue.of(model, vpWhoSawPricing(model), T0.toEpochMilli()).orElseThrow();

        // logit −2 + 0.05 × 20 + 0.1 × 15 = 0.5; p = sigmoid(0.8 × 0.5 + 0.1) = sigmoid(0.5)
        assertThat(now.logit()).isCloseTo(0.5, within(1e-12));
        assertThat(now.probability()).isCloseTo(0.6224593312018546, within(1e-12));
        assertThat(now.points()).isCloseTo(24.898373248074183, within(1e-9));
        assertThat(now.shares()).extracting(LearnedValue.Share::rule, LearnedValue.Share::value)
                .containsExactly(tuple(VP, 20.0), tuple(PRICING, 15.0));
        assertThat(now.shares().get(1).share()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void after_a_quarter_the_term_reads_the_decayed_engagement_value() {
        LearnedValue later = LearnedValue.of(model, vpWhoSawPricing(model), T0.plus(Decay.QUARTER).toEpochMilli())
                .orElseThrow();

        // pricing is worth 15 × 0.75 = 11.25: logit 0.125, p = sigmoid(0.2); the fit rule does not decay
        assertThat(later.shares().get(1).value()).isCloseTo(11.25, within(1e-9));
        assertThat(later.shares().get(0).value()).isEqualTo(20.0);
        assertThat(later.probability()).isCloseTo(0.549833997312478, within(1e-9));
        assertThat(later.points()).isCloseTo(21.993359892499118, within(1e-7));
    }

    @Test
    void the_term_counts_towards_the_threshold_and_decays_with_its_rules() {
        LeadScore score = vpWhoSawPricing(model);

        Qualification atT0 = Qualification.of(model, score, T0);
        Qualification later = Qualification.of(model, score, T0.plus(Decay.QUARTER));

        // 20 + 15 alone is below 55; with the term 59.9 reaches it, and a quarter later 53.2 does not
        assertThat(atT0.learned()).isCloseTo(24.898373248074183, within(1e-9));
        assertThat(atT0.total()).isCloseTo(59.89837324807418, within(1e-9));
        assertThat(atT0.qualified()).isTrue();
        assertThat(atT0.because()).isEqualTo("score 59.9 reached threshold 55.0");
        assertThat(later.total()).isCloseTo(53.243359892499114, within(1e-7));
        assertThat(later.qualified()).isFalse();
    }

    @Test
    void in_a_grade_matrix_the_term_sits_on_the_score_axis() {
        ScoringModel graded = learnedModel().threshold(0).grades(40, 20, 10, 50, 30, 10, "B2").compile();

        Qualification qualification = Qualification.of(graded, vpWhoSawPricing(graded), T0);

        // fit 20 grades B; engagement 15 alone is band 3, with the term 39.9 band 2
        assertThat(qualification.cell()).contains("B2");
        assertThat(qualification.qualified()).isTrue();
    }

    @Test
    void a_fit_rule_that_does_not_hold_adds_nothing_to_the_logit() {
        LeadScore pricingOnly = LeadScore.restore(model, 0, List.of(), new DecayingValue(15, T0.toEpochMilli()),
                Map.of(PRICING, tally(15)), Optional.empty(), Optional.empty());

        LearnedValue value = LearnedValue.of(model, pricingOnly, T0.toEpochMilli()).orElseThrow();

        assertThat(value.shares().get(0).value()).isZero();
        assertThat(value.logit()).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void a_lead_whose_scoring_is_withheld_gets_no_learned_term_and_never_qualifies_on_it() {
        // an intercept that alone would reach the threshold: 40 × sigmoid(0.8 × 20 + 0.1) ≈ 40
        Map<String, Double> weights = Map.of("pricing", 0.1);
        ScoringModel generous = TestModels.model("generous", Segment.EMPLOYER).threshold(30)
                .engagement(rule("pricing").kind("page").when("page.path == '/pricing'").points(15))
                .learned(TestModels.learned(40, 20, weights, 0.8, 0.1)).compile();
        LeadState open = lead(generous, LeadPrivacy.NONE);
        LeadState withheld = lead(generous, new LeadPrivacy(Set.of("WA"), false, AgeBand.UNKNOWN,
                List.of(new LeadPrivacy.Withholding("STATE-02", "no consent to collect consumer health data"))));

        assertThat(Qualification.of(generous, open, T0).learned()).isCloseTo(40, within(1e-5));
        assertThat(Qualification.of(generous, open, T0).qualified()).isTrue();
        assertThat(LearnedValue.of(generous, withheld, T0.toEpochMilli())).isEmpty();
        assertThat(Qualification.of(generous, withheld, T0).learned()).isZero();
        assertThat(Qualification.of(generous, withheld, T0).qualified()).isFalse();
        assertThat(Qualification.listedScore(generous, withheld, T0)).isZero();
    }

    private static LeadState lead(ScoringModel model, LeadPrivacy privacy) {
        return new LeadState(new LeadId("ld_0123456789abcdef01234567"), Segment.EMPLOYER, Stage.LEAD, true,
                LeadTraits.NONE, Optional.empty(), Set.of(), model.version(), LeadScore.empty(model), T0, T0,
                1, T0, SalesRecord.NONE, CrisisRecord.NONE, privacy);
    }

    @Test
    void a_model_without_a_learned_section_adds_nothing() {
        ScoringModel plain = TestModels.model("plain", Segment.EMPLOYER).threshold(30)
                .engagement(rule("pricing").kind("page").points(15)).compile();
        LeadScore score = LeadScore.restore(plain, 0, List.of(), new DecayingValue(15, T0.toEpochMilli()),
                Map.of(PRICING, tally(15)), Optional.empty(), Optional.empty());

        assertThat(LearnedValue.of(plain, score, T0.toEpochMilli())).isEmpty();
        assertThat(Qualification.of(plain, score, T0).learned()).isZero();
        assertThat(Qualification.of(plain, score, T0).total()).isEqualTo(15);
    }

    private static LeadScore vpWhoSawPricing(ScoringModel model) {
        return LeadScore.restore(model, 20, List.of(new FitContribution(VP, 20)),
                new DecayingValue(15, T0.toEpochMilli()), Map.of(PRICING, tally(15)), Optional.empty(),
                Optional.empty());
    }

    private static RuleTally tally(double points) {
        return new RuleTally(new DecayingValue(points, T0.toEpochMilli()), 1, points, new long[] {T0.toEpochMilli()});
    }
}
