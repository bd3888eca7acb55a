package io.attune.core.lead;

import static io.attune.core.TestModels.account;
import static io.attune.core.TestModels.role;
import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.FitContribution;
import io.attune.core.scoring.LeadScore;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadScoringTest {
    private static final Instant T0 = TestEvents.T0;
    private static final TestEvents.Sender PAT = TestEvents.user("u-pat");
    /** An employer lead is about an organisation: the gate lets it through without reading consents. */
    private static final Safeguards BUSINESS = Safeguards.of(ScoringGate.STANDARD, DataDictionary.defaults(),
            ConsentLedger.EMPTY);

    private final ScoringModel model = TestModels.model("lead-scoring", Segment.EMPLOYER).threshold(60)
            .fit(rule("benefits_title").when("has(lead.title) && lead.title.contains('Benefits')").points(20),
                    rule("business_email").when("has(lead.emailDomain) && lead.emailDomain != 'gmail.com'")
                            .points(5),
                    rule("large_employer").when("has(account.employees) && account.employees >= 1000").points(15))
            .engagement(rule("demo_request").kind("track").names("Demo Requested").points(30),
                    rule("profile_update").kind("identify").when("has(props.phone)").points(5))
            .account(account().threshold(100).committee(
                    role("benefits_leader").when("has(lead.title) && lead.title.contains('Benefits')").points(10)))
            .compile();
    private final LeadScoring scoring = new LeadScoring();

    @Test
    void fit_is_recomputed_when_an_identify_changes_the_traits() {
        LeadState lead = apply(fresh(),
                PAT.at(T0).identify(Map.of("title", "Benefits Director", "email", "pat@acme.com")));
        assertThat(lead.score().fit()).isEqualTo(25);
        assertThat(lead.traits().facts(DataDictionary.defaults())).containsEntry("emailDomain", "acme.com");

        LeadState moved = apply(lead, PAT.at(T0.plusSeconds(60)).identify(Map.of("title", "Analyst")));

        assertThat(moved.score().fit()).isEqualTo(5);
        assertThat(moved.score().fitContributions()).extracting(FitContribution::rule)
                .extracting(Object::toString).containsExactly("business_email");
        assertThat(moved.traits().attributes().asMap()).containsEntry("title", "Analyst")
                .containsEntry("email", "pat@acme.com");
    }

    @Test
    void fit_counts_the_account_and_is_recomputed_when_the_account_changes() {
        LeadState lead = apply(fresh(), PAT.at(T0).track("Demo Requested"));
        assertThat(lead.score().fit()).isZero();

        LeadScoring.Step step = scoring.apply(model, lead, PAT.at(T0.plusSeconds(60)).track("Newsletter Opened"),
                Map.of("employees", 5000L), true, BUSINESS);

        assertThat(step.lead().score().fit()).isEqualTo(15);
    }

    @Test
    void an_identify_both_refits_and_scores_as_an_event() {
        LeadScoring.Step step = scoring.apply(model, fresh(),
                PAT.at(T0).identify(Map.of("title", "Benefits Lead", "phone", "555-0100")), Map.of(), false, BUSINESS);

        assertThat(step.lead().score().fit()).isEqualTo(20);
        assertThat(step.contributions()).extracting(c -> c.rule().value()).containsExactly("profile_update");
        assertThat(step.lead().roles()).containsExactly("benefits_leader");
    }

    @Test
    void applying_an_event_notes_when_the_lead_was_seen() {
        Instant received = T0.plusSeconds(5);
        LeadState lead = apply(fresh(), PAT.at(T0.plus(Duration.ofDays(2))).receivedAt(received.plus(Duration.ofDays(2)))
                .track("Demo Requested"));
        LeadState earlier = apply(lead, PAT.at(T0.minus(Duration.ofDays(1))).receivedAt(received)
                .track("Demo Requested"));

        assertThat(earlier.firstSeen()).isEqualTo(T0.minus(Duration.ofDays(1)));
        assertThat(earlier.lastSeen()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(earlier.updatedAt()).isEqualTo(received.plus(Duration.ofDays(2)));
        assertThat(earlier.events()).isEqualTo(2);
    }

    @Test
    void a_replay_rebuilds_the_lead_that_live_recording_built() {
        List<Event> history = List.of(
                PAT.at(T0).identify(Map.of("title", "Benefits Director")),
                PAT.at(T0.plus(Duration.ofDays(3))).track("Demo Requested"),
                PAT.at(T0.plus(Duration.ofDays(1))).identify(Map.of("phone", "555-0100", "email", "pat@gmail.com")),
                PAT.at(T0.plus(Duration.ofDays(9))).track("Demo Requested"));
        LeadState live = fresh();
        for (Event event : history) {
            live = apply(live, event);
        }

        LeadScoring.Replay replay = scoring.replay(model, live.withStage(Stage.MQL), history, Map.of(), BUSINESS);

        assertThat(replay.lead().score()).isEqualTo(live.score());
        assertThat(replay.lead().traits()).isEqualTo(live.traits());
        assertThat(replay.lead().roles()).isEqualTo(live.roles());
        assertThat(replay.lead().firstSeen()).isEqualTo(live.firstSeen());
        assertThat(replay.lead().lastSeen()).isEqualTo(live.lastSeen());
        assertThat(replay.lead().events()).isEqualTo(history.size());
        assertThat(replay.lead().stage()).as("a replay keeps the stage").isEqualTo(Stage.MQL);
        assertThat(replay.contributions()).hasSize(3);
    }

    @Test
    void a_replay_of_nothing_leaves_an_empty_score_under_the_new_model() {
        LeadState lead = apply(fresh(), PAT.at(T0).identify(Map.of("title", "Benefits Director")));

        LeadScoring.Replay replay = scoring.replay(model, lead, List.of(), Map.of("employees", 2000L), BUSINESS);

        assertThat(replay.lead().traits()).isEqualTo(LeadTraits.NONE);
        assertThat(replay.lead().score().fit()).isEqualTo(15);
        assertThat(replay.lead().score().engagement().value()).isZero();
    }

    private LeadState apply(LeadState lead, Event event) {
        LeadScoring.Step step = scoring.apply(model, lead, event, Map.of(), false, BUSINESS);
        assertThat(step.failures()).isEmpty();
        return step.lead();
    }

    private LeadState fresh() {
        LeadId id = LeadId.derivedFrom(new WorkspaceId("ws"), new Identity(IdentityKind.USER_ID, "u-pat"));
        return new LeadState(id, Segment.EMPLOYER, Stage.LEAD, true, LeadTraits.NONE, Optional.empty(), Set.of(),
                model.version(), LeadScore.empty(model), T0, T0, 0, T0);
    }
}
