package io.attune.core.lead;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.privacy.DictionaryEntry;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.scoring.LeadScore;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What scoring may see of a lead: never its sensitive attributes (USE-10), a consumer's substance use only under Part 2 consent (SUD-01). */
class ScoringFactsTest {
    private static final Instant T0 = TestEvents.T0;
    /** Consumers of a state without a consumer-health-data law, so that only the rules under test decide. */
    private static final ScoringGate GATE = new ScoringGate(UnknownJurisdiction.NOT_COVERED);

    private final ScoringModel model = TestModels.model("facts", Segment.CONSUMER).threshold(50)
            .fit(rule("adult").when("has(lead.age) && lead.age >= 18").points(10),
                    rule("faith_based").when("has(lead.religion)").points(10),
                    rule("drinking").when("has(lead.concern) && lead.concern.contains('alcohol')").points(25),
                    rule("congregant").when("has(lead.congregation)").points(5),
                    rule("in_program").when("has(lead.recoveryProgram)").points(15))
            .engagement(rule("booking").kind("track").names("Appointment Booked").points(40))
            .compile();
    private final LeadScoring scoring = new LeadScoring();

    /** A workspace that calls two traits the defaults read as health sensitive and substance use. */
    private static final DataDictionary WORKSPACE_DICTIONARY = new PrivacyClassification(List.of(), List.of(),
            List.of(new DictionaryEntry("congregation", DataClass.SENSITIVE, false),
                    new DictionaryEntry("recovery_program", DataClass.SUBSTANCE_USE, false)),
            List.of(), List.of(), List.of()).dataDictionary();
    private static final Map<String, Object> PROGRAM_TRAITS = Map.of("age", 30, "congregation", "St Mark's",
            "recoveryProgram", "Lakeside evenings");

    private LeadState identified(Map<String, Object> traits, ConsentLedger consents) {
        return identified(traits, DataDictionary.defaults(), consents);
    }

    private LeadState identified(Map<String, Object> traits, DataDictionary dictionary, ConsentLedger consents) {
        LeadState fresh = new LeadState(LeadId.derivedFrom(new WorkspaceId("ws"), new Identity(IdentityKind.USER_ID,
                "u-1")), Segment.CONSUMER, Stage.LEAD, true, LeadTraits.NONE, Optional.empty(), Set.of(),
                model.version(), LeadScore.empty(model), T0, T0, 0, T0);
        return scoring.apply(model, fresh, TestEvents.user("u-1").at(T0).identify(traits), Map.of(), false,
                Safeguards.of(GATE, dictionary, consents)).lead();
    }

    private static List<String> fit(LeadState lead) {
        return lead.score().fitContributions().stream().map(fit -> fit.rule().value()).toList();
    }

    @Test
    void a_rule_on_a_sensitive_attribute_never_earns() {
        LeadState lead = identified(Map.of("age", 30, "religion", "Catholic"), ConsentLedger.EMPTY);

        assertThat(fit(lead)).containsExactly("adult");
        assertThat(lead.traits().attributes().text("religion")).as("kept, just not scored").contains("Catholic");
    }

    @Test
    void a_consumer_s_substance_use_counts_only_under_a_part2_consent() {
        Map<String, Object> traits = Map.of("age", 30, "concern", "alcohol use");
        assertThat(fit(identified(traits, ConsentLedger.EMPTY))).containsExactly("adult");

        assertThat(fit(identified(traits, part2()))).containsExactly("adult", "drinking");
    }

    @Test
    void the_defaults_let_rules_see_traits_they_do_not_know_of_as_sensitive_or_substance_use() {
        assertThat(fit(identified(PROGRAM_TRAITS, ConsentLedger.EMPTY)))
                .containsExactly("adult", "congregant", "in_program");
    }

    @Test
    void a_trait_the_workspace_calls_sensitive_never_earns_and_one_it_calls_substance_use_only_under_part2() {
        assertThat(fit(identified(PROGRAM_TRAITS, WORKSPACE_DICTIONARY, ConsentLedger.EMPTY)))
                .containsExactly("adult");
        assertThat(fit(identified(PROGRAM_TRAITS, WORKSPACE_DICTIONARY, part2())))
                .containsExactly("adult", "in_program");
    }

    private static ConsentLedger part2() {
        return new ConsentLedger(List.of(new ConsentRecord(Purpose.PART2_WRITTEN_CONSENT,
                Optional.empty(), Optional.of(new Recipient("Lakeside Recovery")), true, Optional.of(new Disclosure(
                        "I consent to Lakeside Recovery using my substance use information to arrange treatment.",
                        Optional.empty())), ConsentSource.API, Optional.of(CaptureMethod.E_SIGNATURE),
                T0.minusSeconds(60), Optional.of(T0.plus(Duration.ofDays(365))), Optional.empty(),
                new Actor.User("intake"), T0.minusSeconds(60), Evidence.NONE)));
    }
}
