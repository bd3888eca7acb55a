package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.FitRule;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.store.model.ProposedModelText.LearnedSection;
import io.attune.store.model.ProposedModelText.RuleEdit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProposedModelTextTest {
    private static final String BASE = YamlModels.starterModelText(Segment.EMPLOYER);
    private final ProposedModelText writer = new ProposedModelText();
    private final ModelCompiler compiler = new ModelCompiler(new ConditionCompiler());

    private String proposal() {
        return writer.write(BASE, 2, List.of("Proposed from employer-starter@1.", "A person reviews it."),
                Map.of("pricing_page", new RuleEdit(22, Optional.empty()),
                        "title_student", new RuleEdit(-31, Optional.empty()),
                        "hr_blog_article", new RuleEdit(2, Optional.of("no weight in the fit"))),
                Optional.empty());
    }

    @Test
    void the_proposal_is_the_base_with_its_new_version_and_points_and_loads_as_a_model() throws Exception {
        String text = proposal();

        ScoringModel model = YamlModels.load("proposal.yaml", text, compiler);
        assertThat(model.version().toString()).isEqualTo("employer-starter@2");
        assertThat(model.engagement()).filteredOn(rule -> rule.id().value().equals("pricing_page"))
                .extracting(EngagementRule::points).containsExactly(22.0);
        assertThat(model.fit()).filteredOn(rule -> rule.id().value().equals("title_student"))
                .extracting(FitRule::points).containsExactly(-31.0);
        assertThat(text).startsWith("# Proposed from employer-starter@1.\n# A person reviews it.\n# Employer starter");
        assertThat(text).contains("    points: 22  # proposed; was 15\n")
                .contains("    points: 2  # proposal leaves this to a person: no weight in the fit\n")
                .contains("# A lead needs at least a relevant title");
        assertThat(text.lines().count()).isEqualTo(BASE.lines().count() + 2);
    }

    @Test
    void the_learned_section_is_written_in_the_agreed_format() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("pricing_page", 0.0310000001);
        weights.put("no", 0.044);
        String text = ProposedModelText.yaml(new LearnedSection(40, -2.7, weights, 0.92, -0.08,
                "employer-starter@3 outcomes to 2026-11-27: 412 leads (61 SQL), held-out ROC AUC 0.81"));

        assertThat(text).isEqualTo("""
                learned:
                  points: 40
                  intercept: -2.7
                  weights:
                    pricing_page: 0.031
                    "no": 0.044
                  calibration:
                    slope: 0.92
                    offset: -0.08
                  trainedOn: "employer-starter@3 outcomes to 2026-11-27: 412 leads (61 SQL), held-out ROC AUC 0.81"
                """);
    }
}
