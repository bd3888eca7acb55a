package io.attune.core.model;

import static io.attune.core.TestModels.account;
import static io.attune.core.TestModels.role;
import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.TestModels;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.event.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class ModelCompilerTest {
    private final ModelCompiler compiler = new ModelCompiler(new ConditionCompiler());

    @Test
    void a_complete_model_compiles_with_every_rule_in_place() {
        ScoringModel model = TestModels.model("employer-starter", Segment.EMPLOYER)
                .version(3)
                .description("Employers")
                .decayPerQuarter(0.2)
                .fitMin(10)
                .threshold(70)
                .fit(rule("vp_title").when("lead.title.contains('VP')").points(20))
                .engagement(rule("pricing_page").kind("Page").when("page.path == '/pricing'").points(15)
                        .cap(2, "7d").maxPoints(25))
                .negative(rule("careers_page").kind("page").when("page.path.startsWith('/careers')").points(10),
                        rule("student").when("lead.title == 'Student'").points(-5))
                .disqualify(rule("competitor").when("lead.emailDomain == 'rival.com'").reason("competitor"))
                .account(account().threshold(100).coverageDays(60)
                        .fit(rule("large_employer").when("account.employees >= 1000").points(25))
                        .committee(role("benefits_leader").when("lead.title.contains('Benefits')").points(20)))
                .compile();

        assertThat(model.version()).isEqualTo(new ModelVersion("employer-starter", 3));
        assertThat(model.segment()).isEqualTo(Segment.EMPLOYER);
        assertThat(model.decay()).isEqualTo(new Decay(0.2));
        assertThat(model.fitMin()).isEqualTo(10);
        assertThat(model.threshold()).isEqualTo(70);
        assertThat(model.fit()).extracting(FitRule::points).containsExactly(20.0, -5.0);
        EngagementRule pricing = model.engagement().get(0);
        assertThat(pricing.kind()).isEqualTo(EventKind.PAGE);
        assertThat(pricing.cap()).contains(new Cap(2, Duration.ofDays(7)));
        assertThat(pricing.maxPoints()).hasValue(25);
        assertThat(model.engagement().get(1).points()).isEqualTo(-10);
        assertThat(model.disqualify()).extracting(DisqualifyRule::onAttributes).containsExactly(true);
        AccountModel accountModel = model.account().orElseThrow();
        assertThat(accountModel.coverageWindow()).isEqualTo(Duration.ofDays(60));
        assertThat(accountModel.committee()).extracting(CommitteeRole::role).containsExactly("benefits_leader");
    }

    @Test
    void defaults_apply_when_the_model_is_silent() {
        ScoringModel model = TestModels.model("plain", Segment.CONSUMER).threshold(50)
                .engagement(rule("any_track").kind("track").points(1)).compile();

        assertThat(model.decay().perQuarter()).isEqualTo(Decay.DEFAULT_PER_QUARTER);
        assertThat(model.fitMin()).isZero();
        assertThat(model.engagement().get(0).when().source()).isEqualTo("true");
    }

    @Test
    void a_condition_error_names_the_file_line_of_the_line_it_is_on_and_the_rule() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).source("employer.yaml")
                .threshold(50)
                .engagement(rule("pricing_page").kind("page").line(9)
                        .when("page.path == '/pricing'\n  && nope.x == 1", 10).points(15));

        List<ModelProblem> problems = problems(model);

        assertThat(problems).hasSize(1);
        ModelProblem problem = problems.get(0);
        assertThat(problem.source()).isEqualTo("employer.yaml");
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.rule()).isEqualTo("pricing_page");
        assertThat(problem.toString()).startsWith("employer.yaml:11: rule pricing_page: condition does not check: ")
                .contains("nope").contains("(column 6)");
    }

    @Test
    void a_duplicate_rule_id_is_named_where_it_is_used_again() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .fit(rule("pricing").when("true").points(5).line(12))
                .engagement(rule("pricing").kind("page").points(5).line(20));

        assertThat(problems(model)).extracting(ModelProblem::toString)
                .containsExactly("employer.yaml:20: rule pricing: rule id pricing is used twice in this model");
    }

    @Test
    void seen_must_name_an_engagement_rule_of_the_model() {
        TestModels.ModelBuilder model = TestModels.model("consumer", Segment.CONSUMER).threshold(50)
                .engagement(rule("condition_page").kind("page").points(5),
                        rule("return_visit").kind("page").when("seen.condition_pgae >= 1", 30).points(10));

        assertThat(problems(model)).extracting(ModelProblem::toString)
                .containsExactly("consumer.yaml:30: rule return_visit: seen.condition_pgae names no engagement rule "
                        + "of this model");
    }

    @Test
    void fit_min_beside_a_grades_matrix_is_refused_rather_than_ignored() {
        TestModels.ModelBuilder model = TestModels.model("payer", Segment.PAYER).fitMin(10).line("fitMin", 7)
                .grades(40, 25, 10, 60, 35, 15, "A1", "B1")
                .engagement(rule("meeting").kind("track").points(5));

        assertThat(problems(model)).extracting(ModelProblem::line, ModelProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7,
                        "fitMin does not apply to a grades matrix (the fit grades decide); remove one of them"));
    }

    @Test
    void an_event_disqualifier_may_rely_on_its_kind_and_names_alone() {
        ScoringModel model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .engagement(rule("demo").kind("track").points(5))
                .disqualify(rule("job_applicant").kind("track").names("Job Application Submitted")
                        .reason("job_seeker"))
                .compile();

        assertThat(model.disqualify()).singleElement().satisfies(rule -> assertThat(rule.when().source())
                .isEqualTo("true"));
    }

    @Test
    void an_account_fit_rule_may_not_reuse_a_lead_rule_id() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .fit(rule("size").when("true").points(5))
                .account(account().threshold(10).fit(rule("size").when("true").points(5)));

        assertThat(problems(model)).extracting(ModelProblem::message)
                .containsExactly("rule id size is used twice in this model");
    }

    @Test
    void a_rule_without_points_is_refused() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .engagement(rule("demo").kind("track").line(14));

        assertThat(problems(model)).extracting(ModelProblem::toString)
                .containsExactly("employer.yaml:14: rule demo: the rule needs points, e.g. points: 10");
    }

    @Test
    void a_consumer_model_has_no_account_section() {
        TestModels.ModelBuilder model = TestModels.model("consumer", Segment.CONSUMER).threshold(50)
                .account(account().threshold(10));

        assertThat(problems(model)).extracting(ModelProblem::message)
                .containsExactly("only business segments (not consumer) have an account section");
    }

    @Test
    void every_problem_is_reported_in_one_pass_in_line_order() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .decayPerQuarter(0.95).line("decayPerQuarter", 4)
                .engagement(
                        rule("negative_engagement").kind("page").points(-5).line(30),
                        rule("no_kind").points(5).line(20),
                        rule("Bad Id").kind("page").points(5).line(25),
                        rule("bad_cap").kind("page").points(5).cap(3, "3 fortnights").line(35))
                .disqualify(rule("no_reason").when("true").line(40));

        assertThat(problems(model)).extracting(ModelProblem::line).containsExactly(4, 20, 25, 30, 35, 40);
        assertThat(problems(model)).extracting(ModelProblem::message).containsExactly(
                "decayPerQuarter must be between 0 and 0.9, not 0.95",
                "the rule needs a kind: track, page, screen, identify or group",
                "rule ids are lower-case letters, digits, '_', '.' or '-', starting with a letter",
                "engagement points must be positive; put subtracting rules under negative",
                "cap per must be a duration such as 30m, 12h, 7d, 2w or P7D, not 3 fortnights",
                "a disqualifying rule needs a reason, e.g. reason: competitor");
    }

    @Test
    void caps_read_short_and_iso_durations_and_refuse_bad_counts() {
        assertThat(ModelCompiler.duration("30m")).contains(Duration.ofMinutes(30));
        assertThat(ModelCompiler.duration("12 h")).contains(Duration.ofHours(12));
        assertThat(ModelCompiler.duration("2w")).contains(Duration.ofDays(14));
        assertThat(ModelCompiler.duration("P7D")).contains(Duration.ofDays(7));
        assertThat(ModelCompiler.duration("pt90m")).contains(Duration.ofMinutes(90));
        assertThat(ModelCompiler.duration("soon")).isEmpty();

        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .engagement(rule("zero").kind("page").points(5).cap(0, "7d"),
                        rule("half").kind("page").points(5).cap(null, "7d"));
        assertThat(problems(model)).extracting(ModelProblem::message).containsExactly(
                "a cap's count must be between 1 and 100",
                "a cap needs both count and per, e.g. cap: {count: 3, per: 7d}");
    }

    @Test
    void max_points_only_applies_to_positive_rules() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .negative(rule("careers").kind("page").points(5).maxPoints(10));

        assertThat(problems(model)).extracting(ModelProblem::message)
                .containsExactly("maxPoints must be positive and only applies to positive rules");
    }

    @Test
    void a_model_needs_an_id_a_version_a_known_segment_and_a_threshold_or_grades() {
        TestModels.ModelBuilder model = TestModels.model(null, null).version(null).segment("hospital");

        assertThat(problems(model)).extracting(ModelProblem::message).containsExactlyInAnyOrder(
                "the model needs an id, e.g. id: employer-starter",
                "the model needs a version number, e.g. version: 1",
                "segment must be one of consumer, employer, payer, referral, community, not hospital",
                "the model needs a threshold (or a grades matrix), e.g. threshold: 70");
    }

    @Test
    void a_grades_matrix_replaces_the_threshold_and_is_checked() {
        ScoringModel graded = TestModels.model("graded", Segment.EMPLOYER).grades(60, 40, 20, 50, 30, 10, "A1", "B1")
                .compile();
        TestModels.ModelBuilder upsideDown = TestModels.model("graded", Segment.EMPLOYER)
                .grades(20, 40, 60, 50, 30, 10, "A1");

        assertThat(graded.grades()).hasValueSatisfying(grades -> assertThat(grades.qualifying())
                .containsExactlyInAnyOrder("A1", "B1"));
        assertThat(problems(upsideDown)).extracting(ModelProblem::message)
                .containsExactly("grade cut-offs must fall: A > B > C");
    }

    @Test
    void a_number_that_is_not_finite_is_a_problem_not_a_crash() {
        TestModels.ModelBuilder lead = TestModels.model("employer", Segment.EMPLOYER).threshold(Double.NaN);
        TestModels.ModelBuilder accountSection = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .account(account().threshold(Double.POSITIVE_INFINITY));

        assertThat(problems(lead)).extracting(ModelProblem::message).containsExactly("threshold must be a finite number");
        assertThat(problems(accountSection)).extracting(ModelProblem::message)
                .containsExactly("threshold must be a finite number");
    }

    @Test
    void a_committee_role_is_named_by_its_role() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .account(account().threshold(10).committee(
                        role("finance").when("lead.title ==").points(10).line(50),
                        role("finance").when("true").points(10).line(52)));

        assertThat(problems(model)).extracting(ModelProblem::rule, ModelProblem::line)
                .containsExactly(tuple("finance", 50),
                        tuple("finance", 52));
    }

    @Test
    void the_exception_message_lists_every_problem() {
        TestModels.ModelBuilder model = TestModels.model("employer", Segment.EMPLOYER).threshold(50)
                .engagement(rule("a").kind("page").line(10), rule("b").kind("page").line(11));

        ThrowableAssert.ThrowingCallable compile = () -> compiler.compile(model.definition());

        assertThatThrownBy(compile).isInstanceOf(InvalidModelException.class).hasMessage(
                "employer.yaml:10: rule a: the rule needs points, e.g. points: 10\n"
                        + "employer.yaml:11: rule b: the rule needs points, e.g. points: 10");
    }

    @Test
    void a_definition_without_lines_reports_line_one() {
        ModelDefinition definition = new ModelDefinition("m.yaml", "m", 1, "nope", null, null, null, 5.0, null,
                null, null, null, null, null, null, Map.of());

        assertThatThrownBy(() -> compiler.compile(definition)).isInstanceOfSatisfying(InvalidModelException.class,
                e -> assertThat(e.problems()).extracting(ModelProblem::line).containsExactly(1));
    }

    private List<ModelProblem> problems(TestModels.ModelBuilder model) {
        try {
            compiler.compile(model.definition());
        } catch (InvalidModelException e) {
            return e.problems();
        }
        throw new AssertionError("the model compiled");
    }
}
