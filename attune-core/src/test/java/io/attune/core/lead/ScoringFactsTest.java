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
                    rule("drinking").when("has(lead.concern) && lead.concern.contains('alcohol')").points(25))
            .engagement(rule("booking").kind("track").names("Appointment Booked").points(40))
            .compile();
    private final LeadScoring scoring = new LeadScoring();

    private LeadState identified(Map<String, Object> traits, ConsentLedger consents) {
        LeadState fresh = new LeadState(LeadId.derivedFrom(new WorkspaceId("ws"), new Identity(IdentityKind.USER_ID,
                "u-1")), Segment.CONSUMER, Stage.LEAD, true, LeadTraits.NONE, Optional.empty(), Set.of(),
                model.version(), LeadScore.empty(model), T0, T0, 0, T0);
        return scoring.apply(model, fresh, TestEvents.user("u-1").at(T0).identify(traits), Map.of(), false,
                Safeguards.of(GATE, consents)).lead();
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

        ConsentLedger part2 = new ConsentLedger(List.of(new ConsentRecord(Purpose.PART2_WRITTEN_CONSENT,
                Optional.empty(), Optional.of(new Recipient("Lakeside Recovery")), true, Optional.of(new Disclosure(
                        "I consent to Lakeside Recovery using my substance use information to arrange treatment.",
                        Optional.empty())), ConsentSource.API, Optional.of(CaptureMethod.E_SIGNATURE),
                T0.minusSeconds(60), Optional.of(T0.plus(Duration.ofDays(365))), Optional.empty(),
                new Actor.User("intake"), T0.minusSeconds(60), Evidence.NONE)));
        assertThat(fit(identified(traits, part2))).containsExactly("adult", "drinking");
    }
}
