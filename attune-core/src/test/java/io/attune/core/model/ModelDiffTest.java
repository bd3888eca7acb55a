package io.attune.core.model;

import static io.attune.core.TestModels.model;
import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.model.ModelDiff.Kind;
import io.attune.core.model.ModelDiff.RuleChange;
import io.attune.core.model.ModelDiff.SettingChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelDiffTest {
    private static final ScoringModel V1 = model("employer-test", Segment.EMPLOYER).threshold(60).fitMin(10)
            .fit(rule("vp").when("has(lead.title) && lead.title == 'VP'").points(20))
            .engagement(rule("pricing").kind("page").when("page.path == '/pricing'").points(15),
                    rule("blog").kind("page").when("page.path.startsWith('/blog')").points(2))
            .compile();
    private static final ScoringModel V2 = model("employer-test", Segment.EMPLOYER).version(2).threshold(70)
            .fitMin(10).decayPerQuarter(0.3)
            .fit(rule("vp").when("has(lead.title) && lead.title == 'VP'").points(20))
            .engagement(rule("pricing").kind("page").when("page.path == '/pricing'").points(25),
                    rule("demo").kind("track").names("Demo Requested").when("true").points(40))
            .compile();

    @Test
    void names_each_changed_setting_and_each_rule_added_removed_or_changed_with_its_condition_and_points() {
        ModelDiff diff = ModelDiff.between(V1, V2);

        assertThat(diff.settings()).containsExactly(
                new SettingChange("decayPerQuarter", Optional.of("0.25"), Optional.of("0.3")),
                new SettingChange("threshold", Optional.of("60"), Optional.of("70")));
        assertThat(diff.rules()).extracting(RuleChange::section, RuleChange::id, RuleChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("engagement", "pricing", Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("engagement", "blog", Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("engagement", "demo", Kind.ADDED));
        RuleChange pricing = diff.rules().get(0);
        assertThat(pricing.before().orElseThrow().points()).contains(15.0);
        assertThat(pricing.after().orElseThrow().points()).contains(25.0);
        assertThat(pricing.after().orElseThrow().when()).isEqualTo("page.path == '/pricing'");
        assertThat(diff.rules().get(2).after().orElseThrow().detail()).isEqualTo("track Demo Requested");
    }

    @Test
    void adding_and_refitting_a_learned_term_lists_its_settings_and_each_weight_that_moved() {
        ScoringModel learned = withLearned(2, learned(40, -2.7, 0.03, 0.044, 1.0, "outcomes to 2026-11-27"));
        ScoringModel refitted = withLearned(3, learned(40, -2.5, 0.03, 0.05, 0.92, "outcomes to 2026-12-04"));

        assertThat(ModelDiff.between(V1, learned).settings()).containsExactly(
                new SettingChange("learned.points", Optional.empty(), Optional.of("40")),
                new SettingChange("learned.intercept", Optional.empty(), Optional.of("-2.7")),
                new SettingChange("learned.calibration", Optional.empty(), Optional.of("slope 1, offset 0")),
                new SettingChange("learned.trainedOn", Optional.empty(), Optional.of("outcomes to 2026-11-27")),
                new SettingChange("learned.weights.vp", Optional.empty(), Optional.of("0.03")),
                new SettingChange("learned.weights.pricing", Optional.empty(), Optional.of("0.044")));
        assertThat(ModelDiff.between(learned, refitted).settings()).containsExactly(
                new SettingChange("learned.intercept", Optional.of("-2.7"), Optional.of("-2.5")),
                new SettingChange("learned.calibration", Optional.of("slope 1, offset 0"),
                        Optional.of("slope 0.92, offset 0")),
                new SettingChange("learned.trainedOn", Optional.of("outcomes to 2026-11-27"),
                        Optional.of("outcomes to 2026-12-04")),
                new SettingChange("learned.weights.pricing", Optional.of("0.044"), Optional.of("0.05")));
        assertThat(ModelDiff.between(refitted, V1).settings()).extracting(SettingChange::name).containsExactly(
                "learned.points", "learned.intercept", "learned.calibration", "learned.trainedOn",
                "learned.weights.vp", "learned.weights.pricing");
        assertThat(ModelDiff.between(learned, refitted).rules()).isEmpty();
    }

    private static ScoringModel withLearned(int version, ModelDefinition.LearnedDefinition learned) {
        return model("employer-test", Segment.EMPLOYER).version(version).threshold(60).fitMin(10)
                .fit(rule("vp").when("has(lead.title) && lead.title == 'VP'").points(20))
                .engagement(rule("pricing").kind("page").when("page.path == '/pricing'").points(15),
                        rule("blog").kind("page").when("page.path.startsWith('/blog')").points(2))
                .learned(learned).compile();
    }

    private static ModelDefinition.LearnedDefinition learned(double points, double intercept, double vp,
            double pricing, double slope, String trainedOn) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("vp", vp);
        weights.put("pricing", pricing);
        return new ModelDefinition.LearnedDefinition(90, points, intercept, weights, slope, null, trainedOn, Map.of());
    }

    @Test
    void a_version_compared_with_itself_has_no_differences() {
        assertThat(ModelDiff.between(V1, V1).isEmpty()).isTrue();
    }
}
