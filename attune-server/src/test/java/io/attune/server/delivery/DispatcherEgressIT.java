package io.attune.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.TestEvents;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.Remuneration;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.handoff.Outbox;
import io.attune.core.handoff.Outbox.DeadLetter;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.handoff.RetryPolicy;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.privacy.KeyedHash;
import io.attune.core.privacy.PrivacyKeys;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.fakes.FakeStore;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Poll;
import io.attune.server.support.Receiver;
import io.attune.server.webhook.HandOffEvents;
import io.attune.server.webhook.PresetFiles;
import io.attune.server.webhook.RuleDescriber;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's egress gate over the in-memory ports and a receiver on loopback: the policy and
 * the lead as they are at the send decide (not as they were when the message was queued), and a
 * decision that cannot be recorded sends nothing.
 */
class DispatcherEgressIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dispatcher.Settings QUICK = new Dispatcher.Settings(Duration.ofMillis(20),
            Duration.ofMillis(500), new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(80)));
    private static final PrivacyKeys KEYS = workspace -> new PrivacyKeys.Keys(
            KeyedHash.of("content-groups-" + workspace.value()), KeyedHash.of("pseudonyms-of-" + workspace.value()));
    private static final DestinationId CRM = new DestinationId("crm");

    private final Clock clock = Clock.systemUTC();
    private final ApiFixture fixture = new ApiFixture();
    private final FakeStore store = fixture.store;
    private final Receiver receiver = new Receiver();
    private Dispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        receiver.close();
    }

    private void start() {
        start(store.outbox());
    }

    private void start(Outbox outbox) {
        EgressGate gate = new EgressGate(store.leads(), store.workspaces(), store.consents(), KEYS,
                store.classifications(), store.egress(), store.audit());
        dispatcher = new Dispatcher(outbox, store.destinations(), gate,
                new WebhookRenderer(new HandOffEvents(RuleDescriber.NONE), new PresetFiles(), clock), QUICK, clock)
                .start();
    }

    /** Pat's MQL to the crm as the planner queued it, when the crm listed email and title. */
    private OutboundMessage queued() {
        HandOffData data = new HandOffData(fixture.pat.value(), Segment.EMPLOYER, Stage.MQL, Stage.LEAD,
                "score reached 60", "model:employer-test@1", new ModelVersion("employer-test", 1), 20, 41.25, 0, List.of(),
                Optional.empty(), Attributes.of(Map.of("email", "pat@acme-corp.com", "title", "VP Benefits")));
        OutboundMessage message = new OutboundMessage("msg_0123456789abcdef0123456789abcdef", CRM,
                fixture.pat.value(), HandOffType.LEAD_MQL, clock.instant().minusSeconds(60), data);
        store.outbox().add(fixture.acme.id(), message, 20);
        return message;
    }

    private void crm(Set<String> fields, EgressDeclaration egress) {
        store.destinations().save(fixture.acme.id(), new Destination(CRM, "Employer CRM", receiver.url(),
                Set.of(HandOffType.LEAD_MQL), Set.of(), Set.of(), fields, Optional.empty(), 4, 20, true, egress),
                List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), clock.instant());
    }

    @Test
    void a_field_dropped_from_the_list_after_the_message_was_queued_is_not_sent() throws IOException {
        OutboundMessage message = queued();
        crm(Set.of("title"), EgressDeclaration.of(DestinationKind.CRM));

        start();

        JsonNode fields = JSON.readTree(receiver.next(1).get(0).body()).at("/data/fields");
        assertThat(fields.properties()).extracting(Map.Entry::getKey).containsExactly("title");
        EgressRecord decision = awaitDecisions(message, 1).get(0);
        assertThat(decision.outcome()).isEqualTo(EgressRecord.Outcome.REDACTED);
        assertThat(decision.redactions()).singleElement().satisfies(redaction ->
                assertThat(redaction.field()).isEqualTo("email"));
        assertThat(decision.ruleIds()).containsExactly("TRK-01");
    }

    @Test
    void a_destination_declared_paid_after_the_message_was_queued_is_sent_nothing_and_the_message_ends_blocked() {
        OutboundMessage message = queued();
        crm(Set.of("email", "title"), new EgressDeclaration(DestinationKind.CRM, false, false, Remuneration.PER_LEAD));

        start();

        assertThat(awaitDecisions(message, 1).get(0).ruleIds()).containsExactly("USE-04");
        awaitStatus(message, "blocked");
        assertThat(store.outbox().attempts(fixture.acme.id(), message.id())).isEmpty();
        assertThat(store.outbox().deadLetters(fixture.acme.id(), 10)).isEmpty();
        assertThat(receiver.unread()).isEmpty();
    }

    @Test
    void a_consumer_hand_off_queued_before_the_person_said_they_are_fifteen_goes_to_no_sales_team() {
        HandOffData data = new HandOffData(fixture.pat.value(), Segment.CONSUMER, Stage.MQL, Stage.LEAD,
                "score reached 60", "model:consumer-test@1", new ModelVersion("consumer-test", 1), 20, 41.25, 0,
                List.of(), Optional.empty(), Attributes.of(Map.of("email", "pat@fastmail.com")));
        OutboundMessage message = new OutboundMessage("msg_00000000000000000000000000000015", CRM,
                fixture.pat.value(), HandOffType.LEAD_MQL, clock.instant().minusSeconds(60), data);
        store.outbox().add(fixture.acme.id(), message, 20);
        crm(Set.of("email"), EgressDeclaration.of(DestinationKind.CRM));
        fixture.acme.record(TestEvents.user("u-pat").after(Duration.ofHours(3)).identify(Map.of("age", 15)));

        start();

        assertThat(awaitDecisions(message, 1).get(0).ruleIds()).containsExactly("MINOR-02");
        awaitStatus(message, "blocked");
        assertThat(receiver.unread()).isEmpty();
    }

    @Test
    void a_hand_off_queued_before_its_lead_was_held_in_crisis_is_not_sent() {
        OutboundMessage message = queued();
        crm(Set.of("email", "title"), EgressDeclaration.of(DestinationKind.CRM));
        fixture.acme.record(TestEvents.user("u-pat").after(Duration.ofHours(3)).track("Contact Form Submitted",
                Map.of("message", "honestly I want to end my life")));
        assertThat(store.leads().lead(fixture.acme.id(), fixture.pat).orElseThrow().stage()).isEqualTo(Stage.CRISIS_HOLD);

        start();

        assertThat(awaitDecisions(message, 1).get(0).ruleIds()).containsExactly("CRISIS-04");
        awaitStatus(message, "blocked");
        assertThat(receiver.unread()).isEmpty();
    }

    @Test
    void a_claim_that_fails_once_does_not_keep_the_destination_s_only_permit() {
        store.destinations().save(fixture.acme.id(), new Destination(CRM, "Employer CRM", receiver.url(),
                Set.of(HandOffType.LEAD_MQL), Set.of(), Set.of(), Set.of("email", "title"), Optional.empty(), 1, 20,
                true, EgressDeclaration.of(DestinationKind.CRM)), List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"),
                clock.instant());
        OutboundMessage message = queued();
        AtomicBoolean failedOnce = new AtomicBoolean();
        Outbox flaky = new Outbox() {
            @Override
            public List<PendingDelivery> due(Instant now, int limit) {
                return store.outbox().due(now, limit);
            }

            @Override
            public boolean claim(PendingDelivery delivery, Instant now, Instant leaseUntil) {
                if (failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("[SQLITE_BUSY] the database file is locked");
                }
                return store.outbox().claim(delivery, now, leaseUntil);
            }

            @Override
            public void attempted(DeliveryAttempt attempt, Optional<Instant> retryAt) {
                store.outbox().attempted(attempt, retryAt);
            }

            @Override
            public boolean block(PendingDelivery delivery, String reason) {
                return store.outbox().block(delivery, reason);
            }

            @Override
            public boolean defer(PendingDelivery delivery, Instant until, String reason) {
                return store.outbox().defer(delivery, until, reason);
            }

            @Override
            public List<DeadLetter> deadLetters(WorkspaceId workspace, int limit) {
                return store.outbox().deadLetters(workspace, limit);
            }

            @Override
            public boolean replay(WorkspaceId workspace, String messageId, Instant at) {
                return store.outbox().replay(workspace, messageId, at);
            }

            @Override
            public List<DeliveryAttempt> attempts(WorkspaceId workspace, String messageId) {
                return store.outbox().attempts(workspace, messageId);
            }

            @Override
            public Optional<String> status(WorkspaceId workspace, String messageId) {
                return store.outbox().status(workspace, messageId);
            }
        };

        start(flaky);

        awaitStatus(message, "delivered");
        assertThat(failedOnce).as("the first claim threw").isTrue();
        assertThat(receiver.next(1)).hasSize(1);
    }

    @Test
    void a_decision_that_cannot_be_recorded_sends_nothing_and_is_taken_again_once_it_can() throws Exception {
        OutboundMessage message = queued();
        crm(Set.of("email", "title"), EgressDeclaration.of(DestinationKind.CRM));
        store.audit().failAppends(true);

        start();

        // a second decision means the dispatcher came back to the message after the first went unrecorded
        awaitDecisions(message, 2);
        assertThat(receiver.unread()).as("no unaudited egress").isEmpty();
        assertThat(store.outbox().attempts(fixture.acme.id(), message.id())).isEmpty();
        assertThat(store.outbox().status(fixture.acme.id(), message.id())).contains("pending");

        store.audit().failAppends(false);

        assertThat(JSON.readTree(receiver.next(1).get(0).body()).path("id").asText()).isEqualTo(message.id());
        awaitStatus(message, "delivered");
    }

    private List<EgressRecord> awaitDecisions(OutboundMessage message, int count) {
        return Poll.until(() -> store.egress().ofMessage(fixture.acme.id(), message.id()),
                decisions -> decisions.size() >= count, count + " decisions about " + message.id());
    }

    private void awaitStatus(OutboundMessage message, String status) {
        Poll.until(() -> store.outbox().status(fixture.acme.id(), message.id()),
                seen -> seen.filter(status::equals).isPresent(), message.id() + " becoming " + status);
    }
}
