package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.LearnedTerm;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code learned:} section of a model file: read, checked key by key, compiled. */
class YamlLearnedSectionTest {
    private static final ModelCompiler COMPILER = new ModelCompiler(new ConditionCompiler());

    /** Lines 1–17; the learned section starts on line 18. */
    private static final String RULES = """
            id: learned-model
            version: 1
            segment: employer
            threshold: 70
            fit:
              - id: vp_title
                when: 'has(lead.title) && lead.title.contains("VP")'
                points: 20
            engagement:
              - id: pricing_page
                kind: page
                points: 15
            disqualify:
              - id: competitor
                when: 'has(lead.emailDomain) && lead.emailDomain == "rival.com"'
                reason: competitor
            # the learned term
            """;

    private static ScoringModel load(String learned) throws InvalidModelException {
        return YamlModels.load("employer.yaml", RULES + learned, COMPILER);
    }

    @Test
    void a_learned_section_is_read_in_full() throws Exception {
        ScoringModel model = load("""
                learned:
                  points: 40
                  intercept: -2.7
                  weights:
                    pricing_page: 0.031
                    vp_title: 0.044
                  calibration:
                    slope: 0.92
                    offset: -0.08
                  trainedOn: "learned-model@1 outcomes to 2026-11-27: 412 leads (61 SQL), held-out ROC AUC 0.81"
                """);

        LearnedTerm term = model.learned().orElseThrow();
        assertThat(term.points()).isEqualTo(40);
        assertThat(term.intercept()).isEqualTo(-2.7);
        assertThat(term.weights()).containsExactly(
                Map.entry(new RuleId("pricing_page"), 0.031), Map.entry(new RuleId("vp_title"), 0.044));
        assertThat(term.slope()).isEqualTo(0.92);
        assertThat(term.offset()).isEqualTo(-0.08);
        assertThat(term.trainedOn()).startsWith("learned-model@1 outcomes").endsWith("ROC AUC 0.81");
    }

    @Test
    void calibration_is_optional_and_defaults_to_the_plain_sigmoid() throws Exception {
        LearnedTerm term = load("""
                learned:
                  points: 10
                  intercept: 0
                  weights: {pricing_page: 0.1}
                """).learned().orElseThrow();

        assertThat(term.slope()).isEqualTo(1);
        assertThat(term.offset()).isZero();
        assertThat(term.trainedOn()).isEmpty();
        assertThat(term.probability(0)).isEqualTo(0.5);
    }

    @Test
    void the_starter_models_have_no_learned_term() throws Exception {
        for (Segment segment : Segment.values()) {
            assertThat(YamlModels.load(segment.wireName() + ".yaml", YamlModels.starterModelText(segment), COMPILER)
                    .learned()).as(segment.wireName()).isEmpty();
        }
    }

    /** Each bad key: the section as written, then the line, the rule (if any) and what the message says. */
    static Stream<Arguments> badSections() {
        String weights = "  weights: {pricing_page: 0.1}\n";
        return Stream.of(
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n  weights:\n    pricing_page: 0.1\n"
                        + "    nope: 0.2\n", 23, "nope", "learned.weights.nope names no fit or engagement rule"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n  weights:\n    competitor: 0.2\n", 22,
                        "competitor", "learned.weights.competitor names no fit or engagement rule"),
                Arguments.of("learned:\n  points: 0\n  intercept: -1\n" + weights, 19, null,
                        "learned.points must be above 0 and at most 1000, not 0"),
                Arguments.of("learned:\n  points: 1000.5\n  intercept: -1\n" + weights, 19, null,
                        "learned.points must be above 0 and at most 1000, not 1000.5"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n" + weights
                        + "  calibration:\n    slope: 0\n", 23, null, "learned.calibration.slope must be above 0"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n" + weights
                        + "  calibration: {slope: -0.5, offset: 0}\n", 22, null,
                        "learned.calibration.slope must be above 0, not -0.5"),
                // YAML's .nan and .inf stop the parser on their line, which then names the key
                Arguments.of("learned:\n  points: 40\n  intercept: .nan\n" + weights, 20, null,
                        "intercept must be a finite number"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n  weights:\n    pricing_page: -.inf\n", 22,
                        null, "pricing_page must be a finite number"),
                Arguments.of("learned:\n  points: 1e400\n  intercept: -1\n" + weights, 19, null,
                        "learned.points must be a finite number"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n  weights:\n    pricing_page: -1e999\n", 22,
                        null, "learned.weights.pricing_page must be a finite number"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n" + weights
                        + "  calibration:\n    offset: 1e400\n", 23, null, "learned.calibration.offset must be a finite"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n" + weights + "  bias: 1\n", 22, null,
                        "unknown key bias in the learned section"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n" + weights
                        + "  calibration:\n    scale: 2\n", 23, null, "unknown key scale in learned.calibration"),
                Arguments.of("learned:\n  intercept: -1\n" + weights, 18, null, "learned needs points"),
                Arguments.of("learned:\n  points: 40\n" + weights, 18, null, "learned needs an intercept"),
                Arguments.of("learned:\n  points: forty\n  intercept: -1\n" + weights, 19, null,
                        "learned.points must be a number"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n  weights: [pricing_page]\n", 21, null,
                        "learned.weights must be a mapping"),
                Arguments.of("learned:\n  points: 40\n  intercept: -1\n  weights:\n    pricing_page: high\n", 22,
                        null, "learned.weights.pricing_page must be a number"));
    }

    @ParameterizedTest
    @MethodSource("badSections")
    void a_bad_key_keeps_the_model_from_loading_and_is_named_with_its_file_line(String learned, int line, String rule,
            String text) {
        assertThatThrownBy(() -> load(learned))
                .isInstanceOf(InvalidModelException.class)
                .satisfies(thrown -> assertThat(((InvalidModelException) thrown).problems())
                        .as(thrown.getMessage())
                        .anySatisfy(problem -> {
                            assertThat(problem.source()).isEqualTo("employer.yaml");
                            assertThat(problem.line()).isEqualTo(line);
                            assertThat(problem.rule()).isEqualTo(rule);
                            assertThat(problem.message()).contains(text);
                        }));
    }
}
