package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.crisis.PhraseFamily;
import io.attune.core.crisis.Screening;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CRISIS-01..05 at recording: hold, no points, no automatic moves, review flags, a clinician's clearing. */
class CrisisHoldTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-test");
    private static final Instant T0 = TestEvents.T0;
    private static final ModelCatalog MODELS = TestModels.catalog(Segment.CONSUMER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final RecordEvent record = new RecordEvent(WORKSPACE, MODELS, book, new LeadScoring());

    @Test
    void crisis_language_in_a_form_holds_the_lead_and_earns_no_points() {
        record.record(TestEvents.user("u-pat").identify(Map.of("email", "pat@gmail.com")));
        Recorded.Accepted form = accepted(TestEvents.user("u-pat").at(T0.plusSeconds(60))
                .track("Appointment Booked", Map.of("message", "my son says he wants to die")));

        assertThat(form.screening()).isInstanceOf(Screening.Crisis.class);
        assertThat(form.contributions()).as("crisis never raises a score").isEmpty();
        assertThat(form.transitions()).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo(Stage.CRISIS_HOLD);
            assertThat(move.actor()).isEqualTo(new Actor.System("crisis-screen"));
            assertThat(move.cause()).startsWith("crisis language in track 'Appointment Booked'")
                    .doesNotContain("wants to die");
        });
        LeadState lead = lead();
        assertThat(lead.stage()).isEqualTo(Stage.CRISIS_HOLD);
        assertThat(lead.crisis().held()).isTrue();
        assertThat(lead.crisis().heldFrom()).contains(Stage.LEAD);
        assertThat(lead.crisis().families()).contains(PhraseFamily.IDEATION);
        assertThat(lead.crisis().thirdPersonOnly()).isTrue();
        assertThat(lead.score().engagement().value()).isZero();
    }

    @Test
    void a_held_lead_stays_held_whatever_later_events_say() {
        record.record(TestEvents.user("u-pat").identify(Map.of("email", "pat@gmail.com")));
        record.record(TestEvents.user("u-pat").at(T0.plusSeconds(10)).track("Form Submitted",
                Map.of("notes", "I want to kill myself")));
        for (int i = 0; i < 5; i++) {
            Recorded.Accepted later = accepted(TestEvents.user("u-pat").at(T0.plusSeconds(60 + i))
                    .track("Appointment Booked"));
            assertThat(later.transitions()).isEmpty();
        }

        assertThat(lead().stage()).isEqualTo(Stage.CRISIS_HOLD);
        assertThat(book.transitions()).extracting(Transition::to).doesNotContain(Stage.MQL);
    }

    @Test
    void an_idiom_is_flagged_for_review_without_a_hold() {
        Recorded.Accepted idiom = accepted(TestEvents.user("u-pat").track("Feedback Sent",
                Map.of("comment", "dying to try your app")));

        assertThat(idiom.screening()).isInstanceOf(Screening.Review.class);
        assertThat(lead().stage()).isNotEqualTo(Stage.CRISIS_HOLD);
        assertThat(lead().crisis().held()).isFalse();
        assertThat(lead().crisis().reviews()).singleElement().satisfies(flag -> {
            assertThat(flag.lowPriority()).isTrue();
            assertThat(flag.source()).isEqualTo("track 'Feedback Sent'");
        });
    }

    @Test
    void identifiers_and_links_are_not_screened() {
        Recorded.Accepted page = accepted(TestEvents.user("u-pat").track("Viewed",
                Map.of("url", "https://example.com/i-want-to-die", "formId", "kill myself")));

        assertThat(page.screening()).isEqualTo(Screening.NONE);
    }

    @Test
    void only_a_clear_action_ends_the_hold_and_the_lead_goes_back_to_where_it_was() {
        record.record(TestEvents.user("u-pat").identify(Map.of("email", "pat@gmail.com")));
        record.record(TestEvents.user("u-pat").at(T0.plusSeconds(10)).track("Form Submitted",
                Map.of("message", "there is no reason to live")));
        ApplyLeadAction apply = new ApplyLeadAction(MODELS, book, LifecyclePolicy.DEFAULT);
        LeadState held = lead();

        ActionOutcome accept = apply.apply(new LeadAction(held.id(), new SalesAction.Reject(
                RejectionReason.BAD_FIT, Optional.empty()),
                new Actor.User("rep-1"), T0.plusSeconds(20)));
        assertThat(accept).isInstanceOf(ActionOutcome.Refused.class);

        ActionOutcome cleared = apply.apply(new LeadAction(held.id(), new SalesAction.ClearCrisis("safety plan agreed"),
                new Actor.User("dr-ng"), T0.plusSeconds(30)));

        assertThat(cleared).isInstanceOfSatisfying(ActionOutcome.Applied.class, applied -> {
            assertThat(applied.transition().from()).isEqualTo(Stage.CRISIS_HOLD);
            assertThat(applied.transition().to()).isEqualTo(Stage.LEAD);
            assertThat(applied.transition().actor()).isEqualTo(new Actor.User("dr-ng"));
        });
        assertThat(lead().crisis().held()).isFalse();
        assertThat(book.actions()).extracting(action -> action.action().wireName()).containsExactly("crisis_clear");
    }

    private Recorded.Accepted accepted(Event event) {
        Recorded recorded = record.record(event);
        assertThat(recorded).isInstanceOf(Recorded.Accepted.class);
        return (Recorded.Accepted) recorded;
    }

    private LeadState lead() {
        return book.leadOf(new Identity(IdentityKind.USER_ID, "u-pat")).flatMap(book::lead).orElseThrow();
    }
}
