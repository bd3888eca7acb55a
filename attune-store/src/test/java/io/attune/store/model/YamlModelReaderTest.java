package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.Decay;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelDefinition;
import io.attune.core.model.ModelProblem;
import io.attune.core.model.RuleDefinition;
import io.attune.core.model.ScoringModel;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class YamlModelReaderTest {
    private static final ModelCompiler COMPILER = new ModelCompiler(new ConditionCompiler());
    private final YamlModelReader reader = new YamlModelReader();

    private static final String HEADER = """
            id: test-model
            version: 1
            segment: employer
            threshold: 70
            """;

    @Test
    void a_minimal_model_gets_the_default_decay_and_no_fit_minimum() throws Exception {
        ScoringModel model = YamlModels.load("test.yaml", HEADER, COMPILER);

        assertThat(model.decay().perQuarter()).isEqualTo(Decay.DEFAULT_PER_QUARTER).isEqualTo(0.25);
        assertThat(model.fitMin()).isZero();
        assertThat(model.threshold()).isEqualTo(70);
        assertThat(model.version().toString()).isEqualTo("test-model@1");
        assertThat(model.grades()).isEmpty();
        assertThat(model.account()).isEmpty();
    }

    @Test
    void every_scalar_and_rule_field_is_read_with_its_file_line() throws Exception {
        ModelDefinition definition = reader.read("employer.yaml", """
                id: employer-starter
                version: 3
                segment: employer
                description: Benefits leaders
                decayPerQuarter: 0.3
                fitMin: 20
                threshold: 70
                engagement:
                  - id: pricing_page
                    description: Looked at pricing
                    kind: page
                    name: Pricing
                    when: 'page.path.startsWith("/pricing")'
                    points: 15
                    cap: {count: 3, per: 7d}
                    maxPoints: 30
                disqualify:
                  - id: competitor_domain
                    when: |
                      has(lead.emailDomain)
                        && lead.emailDomain == "lyrahealth.com"
                    reason: competitor
                """);

        assertThat(definition.source()).isEqualTo("employer.yaml");
        assertThat(definition.id()).isEqualTo("employer-starter");
        assertThat(definition.version()).isEqualTo(3);
        assertThat(definition.decayPerQuarter()).isEqualTo(0.3);
        assertThat(definition.fitMin()).isEqualTo(20.0);
        assertThat(definition.lines()).containsEntry("id", 1).containsEntry("threshold", 7)
                .containsEntry("engagement", 8).containsEntry("disqualify", 17);
        RuleDefinition pricing = definition.engagement().get(0);
        assertThat(pricing).isEqualTo(new RuleDefinition("pricing_page", 9, "Looked at pricing", "page",
                List.of("Pricing"), "page.path.startsWith(\"/pricing\")", 13, 15.0, 3, "7d", 30.0, null, null));
        RuleDefinition competitor = definition.disqualify().get(0);
        assertThat(competitor.line()).isEqualTo(18);
        assertThat(competitor.whenLine()).as("a block scalar's text starts after the | line").isEqualTo(20);
        assertThat(competitor.reason()).isEqualTo("competitor");
    }

    @Test
    void grades_and_the_account_section_are_read() throws Exception {
        ScoringModel model = YamlModels.load("payer.yaml", """
                id: payer-test
                version: 1
                segment: payer
                grades:
                  fit: {A: 40, B: 25, C: 10}
                  engagement: {1: 60, "2": 35, 3: 15}
                  qualify: [A1, A2, B1]
                account:
                  threshold: 120
                  coverageDays: 60
                  fit:
                    - id: acct_medicaid
                      when: 'has(account.lob) && account.lob == "medicaid"'
                      points: 10
                  committee:
                    - role: medical_director
                      when: 'has(lead.title) && lead.title.matches("(?i)medical director")'
                      points: 15
                """, COMPILER);

        assertThat(model.grades()).hasValueSatisfying(grades -> {
            assertThat(grades.cell(41, 61)).isEqualTo("A1");
            assertThat(grades.qualifies(26, 61)).isTrue();
            assertThat(grades.qualifies(11, 61)).isFalse();
        });
        assertThat(model.account()).hasValueSatisfying(account -> {
            assertThat(account.threshold()).isEqualTo(120);
            assertThat(account.coverageWindow()).isEqualTo(Duration.ofDays(60));
            assertThat(account.fit()).hasSize(1);
            assertThat(account.committee()).singleElement()
                    .satisfies(role -> assertThat(role.role()).isEqualTo("medical_director"));
        });
    }

    @Test
    void a_cel_syntax_error_on_the_second_line_of_a_block_condition_names_that_file_line() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                fit:
                  - id: title_vp
                    when: |
                      has(lead.title) &&
                        lead.title ~= "vp"
                    points: 10
                """, COMPILER), "employer.yaml", 9, "title_vp", "condition does not check");
    }

    @Test
    void an_unknown_variable_is_reported_on_the_condition_line() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                fit:
                  - id: big_company
                    when: 'company.employees > 1000'
                    points: 10
                """, COMPILER), "employer.yaml", 7, "big_company", "undeclared reference to 'company'");
    }

    @Test
    void a_condition_that_is_not_a_bool_does_not_load() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                fit:
                  - id: headcount
                    when: 'size(account)'
                    points: 10
                """, COMPILER), "employer.yaml", 7, "headcount", "bool");
    }

    @Test
    void a_rule_without_points_does_not_load() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: page
                """, COMPILER), "employer.yaml", 6, "pricing_page", "needs points");
    }

    @Test
    void an_unknown_event_kind_does_not_load() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: click
                    points: 5
                """, COMPILER), "employer.yaml", 6, "pricing_page", "kind must be track, page, screen, identify or group");
    }

    @Test
    void a_cap_window_that_is_not_a_duration_does_not_load() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: page
                    points: 5
                    cap: {count: 3, per: weekly}
                """, COMPILER), "employer.yaml", 6, "pricing_page", "cap per must be a duration");
    }

    @Test
    void a_rule_id_used_twice_does_not_load() {
        assertProblems(() -> YamlModels.load("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: page
                    points: 5
                negative:
                  - id: pricing_page
                    kind: page
                    points: -5
                """, COMPILER), "employer.yaml", 10, "pricing_page", "used twice");
    }

    @Test
    void an_unknown_key_is_reported_with_the_key_it_resembles() {
        assertProblems(() -> reader.read("employer.yaml", """
                id: test-model
                version: 1
                segment: employer
                treshold: 70
                """), "employer.yaml", 4, null, "unknown key treshold in the model; did you mean threshold?");
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: page
                    max_points: 30
                """), "employer.yaml", 8, "pricing_page", "did you mean maxPoints?");
    }

    @Test
    void an_unknown_key_with_no_close_match_lists_the_allowed_keys() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                fit:
                  - id: big_company
                    weight: 10
                """), "employer.yaml", 7, "big_company", "allowed keys: id, description, when, points");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_key_the_line_and_the_rule() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: page
                    points: abc
                """), "employer.yaml", 8, "pricing_page", "points must be a number, not \"abc\"");
        assertProblems(() -> reader.read("employer.yaml", HEADER.replace("version: 1", "version: 1.5")),
                "employer.yaml", 2, null, "version must be a whole number");
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                engagement:
                  - id: pricing_page
                    kind: page
                    points: 5
                    cap: {count: many, per: 7d}
                """), "employer.yaml", 9, "pricing_page", "cap.count must be a whole number");
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                fit:
                  id: big_company
                """), "employer.yaml", 6, null, "fit must be a list of fit rules");
    }

    @Test
    void a_yaml_syntax_error_names_its_line() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                fit:
                  - id: big_company
                    when: has(account.employees): true
                """), "employer.yaml", 7, null, "YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void an_unquoted_condition_that_yaml_misreads_gets_a_hint_to_quote_it() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                fit:
                  - id: no_title
                    when: !has(lead.title)
                    points: -5
                """), "employer.yaml", 7, null, "YAML reads !has(lead.title) as a tag, not as text; put the value "
                + "in single quotes, e.g. when: '!has(lead.title)'");
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                fit:
                  - id: vp
                    when: "vp" in lead.tags
                    points: 5
                """), "employer.yaml", 7, null, "write conditions in single quotes");
    }

    @Test
    void yaml_aliases_are_refused_so_that_every_rule_reads_on_its_own() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                fit:
                  - id: big_company
                    when: &big 'has(account.employees) && account.employees > 1000'
                    points: 10
                  - id: big_company_again
                    when: *big
                    points: 5
                """), "employer.yaml", 10, null, "YAML aliases (*big) are not supported");
    }

    @Test
    void a_key_written_twice_is_reported() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + "threshold: 80\n"),
                "employer.yaml", 5, null, "key threshold appears twice (first on line 4)");
    }

    @Test
    void a_consumer_model_may_not_have_an_account_section() {
        assertProblems(() -> YamlModels.load("consumer.yaml", HEADER.replace("employer", "consumer") + """
                account:
                  threshold: 100
                """, COMPILER), "consumer.yaml", 5, null, "only business segments");
    }

    @Test
    void cap_and_names_need_an_event_kind_on_negative_and_disqualify_rules() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                negative:
                  - id: student
                    when: 'has(lead.title) && lead.title.matches("(?i)student")'
                    points: -20
                    cap: {count: 1, per: 30d}
                """), "employer.yaml", 6, "student", "only apply to rules on events");
    }

    @Test
    void name_and_names_together_are_ambiguous() {
        assertProblems(() -> reader.read("employer.yaml", HEADER + """
                engagement:
                  - id: demo
                    kind: track
                    name: Demo Requested
                    names: [Demo Requested]
                    points: 40
                """), "employer.yaml", 8, "demo", "either name or names");
    }

    @Test
    void a_file_that_is_not_a_mapping_or_is_empty_does_not_load() {
        assertProblems(() -> reader.read("list.yaml", "- id: a\n"), "list.yaml", 1, null, "a model file is a mapping");
        assertProblems(() -> reader.read("empty.yaml", "# nothing yet\n"), "empty.yaml", 1, null, "the model file is empty");
    }

    @Test
    void every_problem_in_a_file_is_reported_at_once_in_line_order() {
        Throwable thrown = catchProblems(() -> reader.read("employer.yaml", HEADER + """
                fitMn: 10
                engagement:
                  - id: pricing_page
                    kind: page
                    points: lots
                  - id: demo
                    kind: track
                    points: 40
                    cap: 3
                """));

        assertThat(((InvalidModelException) thrown).problems())
                .extracting(ModelProblem::line, ModelProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, null),
                        org.assertj.core.groups.Tuple.tuple(9, "pricing_page"),
                        org.assertj.core.groups.Tuple.tuple(13, "demo"));
        assertThat(thrown.getMessage()).contains("employer.yaml:5: unknown key fitMn in the model; did you mean fitMin?");
    }

    private static Throwable catchProblems(ThrowingCallable load) {
        return org.assertj.core.api.Assertions.catchThrowable(load);
    }

    /** Asserts that loading fails with a problem at {@code line} for {@code rule} whose message contains {@code text}. */
    private static void assertProblems(ThrowingCallable load, String source, int line, String rule, String text) {
        assertThatThrownBy(load)
                .isInstanceOf(InvalidModelException.class)
                .satisfies(thrown -> assertThat(((InvalidModelException) thrown).problems())
                        .as(thrown.getMessage())
                        .anySatisfy(problem -> {
                            assertThat(problem.source()).isEqualTo(source);
                            assertThat(problem.line()).isEqualTo(line);
                            assertThat(problem.rule()).isEqualTo(rule);
                            assertThat(problem.message()).contains(text);
                        }));
    }
}
