package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.event.EventKind;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class YamlModelsStarterTest {
    private static final ModelCompiler COMPILER = new ModelCompiler(new ConditionCompiler());
    private static final Map<Segment, ScoringModel> MODELS = YamlModels.starterModels(COMPILER);

    /** Rules as written per list: fit, engagement, negative on attributes, negative on events, disqualify, account fit, committee. */
    private record Counts(int fit, int engagement, int negativeOnAttributes, int negativeOnEvents, int disqualify,
            int accountFit, int committee) {
        int total() {
            return fit + engagement + negativeOnAttributes + negativeOnEvents + disqualify;
        }
    }

    private static final Map<Segment, Counts> WRITTEN = Map.of(
            Segment.CONSUMER, new Counts(8, 19, 3, 4, 6, 0, 0),
            Segment.EMPLOYER, new Counts(13, 19, 4, 3, 4, 3, 4),
            Segment.PAYER, new Counts(14, 16, 3, 2, 4, 3, 4),
            Segment.REFERRAL, new Counts(11, 17, 3, 2, 3, 2, 4),
            Segment.COMMUNITY, new Counts(10, 17, 3, 3, 3, 2, 3));

    @ParameterizedTest
    @EnumSource(Segment.class)
    void every_starter_model_loads_with_the_rules_it_was_written_with(Segment segment) {
        ScoringModel model = MODELS.get(segment);
        Counts counts = WRITTEN.get(segment);

        assertThat(model.version().modelId()).isEqualTo(segment.wireName() + "-starter");
        assertThat(model.version().version()).isEqualTo(1);
        assertThat(model.segment()).isEqualTo(segment);
        assertThat(model.fit()).hasSize(counts.fit() + counts.negativeOnAttributes());
        assertThat(model.engagement()).hasSize(counts.engagement() + counts.negativeOnEvents());
        assertThat(model.engagement().stream().filter(rule -> rule.points() < 0)).hasSize(counts.negativeOnEvents());
        assertThat(model.fit().stream().filter(rule -> rule.points() < 0)).hasSize(counts.negativeOnAttributes());
        assertThat(model.disqualify()).hasSize(counts.disqualify());
        assertThat(model.account().map(account -> account.fit().size()).orElse(0)).isEqualTo(counts.accountFit());
        assertThat(model.account().map(account -> account.committee().size()).orElse(0)).isEqualTo(counts.committee());
        assertThat(counts.total()).isBetween(25, 45);
    }

    @Test
    void the_employer_model_is_the_forty_rule_model_and_a_page_view_meets_about_ten_of_them() {
        ScoringModel employer = MODELS.get(Segment.EMPLOYER);

        assertThat(WRITTEN.get(Segment.EMPLOYER).total()).isGreaterThanOrEqualTo(40);
        assertThat(employer.engagementRulesFor(EventKind.PAGE, "Pricing")).hasSizeBetween(8, 12);
        assertThat(employer.engagementRulesFor(EventKind.TRACK, "Demo Requested")).hasSize(1);
    }

    @Test
    void only_business_models_score_accounts() {
        assertThat(MODELS.get(Segment.CONSUMER).account()).isEmpty();
        MODELS.forEach((segment, model) -> assertThat(model.account().isPresent()).isEqualTo(segment.isBusiness()));
    }

    @ParameterizedTest
    @EnumSource(Segment.class)
    void every_condition_guards_the_attributes_it_reads(Segment segment) {
        ScoringModel model = MODELS.get(segment);
        // The scorer reports a condition that fails on a missing key; with nothing known about a lead
        // every starter condition must still answer true or false.
        Map<String, Object> seen = new HashMap<>();
        model.engagement().forEach(rule -> seen.put(rule.id().value(), 0L));
        MapFacts nothingKnown = MapFacts.empty().with("seen", seen);

        for (StarterRules.Named rule : StarterRules.all(model)) {
            assertThatCode(() -> rule.when().test(nothingKnown)).as(rule.id()).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @EnumSource(Segment.class)
    void seen_refers_only_to_engagement_rules_of_the_same_model(Segment segment) {
        String text = YamlModels.starterModelText(segment);
        Set<String> engagementIds = MODELS.get(segment).engagement().stream()
                .map(rule -> rule.id().value()).collect(Collectors.toSet());
        Set<String> referenced = new HashSet<>();
        Matcher seen = Pattern.compile("\\bseen\\.([a-z][a-z0-9_]*)").matcher(text);
        while (seen.find()) {
            referenced.add(seen.group(1));
        }

        assertThat(engagementIds).containsAll(referenced);
    }

    @Test
    void the_consumer_model_never_rewards_crisis_or_substance_use_pages() {
        ScoringModel consumer = MODELS.get(Segment.CONSUMER);
        for (String path : List.of("/crisis", "/988", "/get-help-now", "/conditions/suicidal-thoughts",
                "/conditions/self-harm", "/conditions/stress-and-suicide", "/conditions/alcohol-use",
                "/conditions/opioid-use")) {
            MapFacts view = pageView(consumer, path);
            for (int index : consumer.engagementRulesFor(EventKind.PAGE, "")) {
                EngagementRule rule = consumer.engagement().get(index);
                assertThat(rule.points() > 0 && rule.when().test(view)).as(rule.id() + " on " + path).isFalse();
            }
        }
    }

    @Test
    void viewing_crisis_resources_takes_a_consumer_out_of_qualification() {
        ScoringModel consumer = MODELS.get(Segment.CONSUMER);

        assertThat(consumer.disqualifyRulesFor(EventKind.PAGE, ""))
                .filteredOn(rule -> rule.when().test(pageView(consumer, "/crisis")))
                .singleElement()
                .satisfies(rule -> assertThat(rule.reason()).isEqualTo("crisis_resources"));
    }

    @Test
    void no_consumer_rule_scores_free_text_events() {
        ScoringModel consumer = MODELS.get(Segment.CONSUMER);
        for (String name : List.of("Contact Form Submitted", "Chat Started", "Chat Message Sent", "Assessment Completed")) {
            assertThat(consumer.engagementRulesFor(EventKind.TRACK, name)).as(name).isEmpty();
        }
    }

    @Test
    void the_starter_model_text_is_the_bundled_file() {
        assertThat(YamlModels.starterModelFile(Segment.PAYER)).isEqualTo("payer.yaml");
        assertThat(YamlModels.starterModelText(Segment.PAYER)).contains("id: payer-starter");
    }

    private static MapFacts pageView(ScoringModel model, String path) {
        Map<String, Object> seen = new HashMap<>();
        model.engagement().forEach(rule -> seen.put(rule.id().value(), 1L));
        return MapFacts.empty()
                .with("event", Map.of("kind", "page", "name", ""))
                .with("page", Map.of("path", path, "referrer", "https://www.google.com/"))
                .with("seen", seen);
    }
}
