package io.attune.core.model;

import static io.attune.core.TestModels.model;
import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.model.ModelDiff.Kind;
import io.attune.core.model.ModelDiff.RuleChange;
import io.attune.core.model.ModelDiff.SettingChange;
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
    void a_version_compared_with_itself_has_no_differences() {
        assertThat(ModelDiff.between(V1, V1).isEmpty()).isTrue();
    }
}
