package io.attune.core.scoring;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.event.Event;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFactsTest {
    private final ScoringModel model = TestModels.model("facts", Segment.CONSUMER).threshold(10)
            .engagement(rule("condition_page").kind("page").when("page.path.startsWith('/conditions/')").points(3))
            .compile();
    private final ConditionCompiler conditions = new ConditionCompiler();

    @Test
    void a_page_event_shows_its_kind_name_category_and_the_page_in_view() {
        Event page = TestEvents.anonymous("a-1")
                .context(Map.of("page", Map.of("path", "/old", "referrer", "https://www.google.com/"),
                        "campaign", Map.of("source", "nami")))
                .page("Anxiety", "Conditions", Map.of("path", "/conditions/anxiety"));

        EventFacts facts = new EventFacts(page, Map.of("age", 30L), Map.of("domain", "acme.com"),
                LeadScore.empty(model), model);

        assertThat(facts.variable("event")).containsOnly(Map.entry("kind", "page"), Map.entry("name", "Anxiety"),
                Map.entry("category", "Conditions"));
        assertThat(facts.variable("page")).containsOnly(Map.entry("path", "/conditions/anxiety"),
                Map.entry("referrer", "https://www.google.com/"));
        assertThat(facts.variable("props")).containsOnly(Map.entry("path", "/conditions/anxiety"));
        assertThat(facts.variable("context")).containsKey("campaign");
        assertThat(facts.variable("lead")).containsEntry("age", 30L);
        assertThat(facts.variable("account")).containsEntry("domain", "acme.com");
    }

    @Test
    void a_track_event_sees_the_page_it_happened_on() {
        Event track = TestEvents.anonymous("a-1").context(Map.of("page", Map.of("path", "/pricing")))
                .track("Demo Requested", Map.of("plan", "enterprise"));

        EventFacts facts = new EventFacts(track, Map.of(), Map.of(), LeadScore.empty(model), model);

        assertThat(facts.variable("event")).containsOnly(Map.entry("kind", "track"),
                Map.entry("name", "Demo Requested"));
        assertThat(facts.variable("page")).containsOnly(Map.entry("path", "/pricing"));
        assertThat(facts.variable("props")).containsOnly(Map.entry("plan", "enterprise"));
    }

    @Test
    void seen_counts_each_engagement_rule_the_same_for_the_fast_path_and_cel() throws Exception {
        Event first = TestEvents.anonymous("a-1").page("/conditions/grief");
        LeadScore once = new Scorer().score(model, LeadScore.empty(model), first,
                new EventFacts(first, Map.of(), Map.of(), LeadScore.empty(model), model)).score();
        Event second = TestEvents.anonymous("a-1").page("/conditions/ocd");

        EventFacts facts = new EventFacts(second, Map.of(), Map.of(), once, model);

        assertThat(facts.variable("seen")).containsExactly(Map.entry("condition_page", 1L));
        assertThat(facts.variable("seen").get("no_such_rule")).isNull();
        for (String expression : new String[] {"seen.condition_page == 1", "has(seen.condition_page)",
                "!has(seen.other_rule)", "size(seen) == 1"}) {
            assertThat(conditions.compile(expression).test(facts)).as(expression).isTrue();
        }
    }
}
