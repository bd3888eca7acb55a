package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.Qualification;
import io.attune.core.sla.BusinessCalendar;
import io.attune.core.sla.SalesSla;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.store.Store;
import io.attune.store.ingest.GroupCommitWriter;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's contract, run against every engine by the subclasses. */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private TestDatabase testDatabase;
    Store store;
    WorkspaceId workspace;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void openStore() {
        testDatabase = TestDatabase.create(engine());
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        Credentials credentials = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0);
        workspace = credentials.workspace().id();
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        testDatabase.close();
    }

    List<Recorded> record(io.attune.core.event.Event... events) throws Exception {
        List<IncomingEvent> incoming = java.util.Arrays.stream(events).map(Events::incoming).toList();
        EventIntake.Admission admission = store.writer().submit(workspace, incoming);
        assertThat(admission).isInstanceOf(EventIntake.Admitted.class);
        return ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Links made earlier in the same unit of work count when the writer looks up a lead's user ids and merges. */
    @Test
    void two_devices_joined_by_one_user_id_in_a_single_batch_become_one_lead_with_every_identity() throws Exception {
        record(Events.page("d1", "anon-phone", "/pricing", T0),
                Events.page("d2", "anon-laptop", "/case-studies", T0.plusSeconds(30)),
                Events.identify("d3", "user-7", "anon-phone", Map.of(), T0.plusSeconds(60)),
                Events.identify("d4", "user-7", "anon-laptop", Map.of(), T0.plusSeconds(90)),
                Events.page("d5", "anon-laptop", "/pricing", T0.plusSeconds(120)));

        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7"))
                .orElseThrow();
        assertThat(store.queries().leadByIdentity(workspace, new Identity(IdentityKind.ANONYMOUS_ID, "anon-laptop"))
                .orElseThrow().id()).isEqualTo(lead.id());
        assertThat(store.queries().leadByIdentity(workspace, new Identity(IdentityKind.ANONYMOUS_ID, "anon-phone"))
                .orElseThrow().id()).isEqualTo(lead.id());
        assertThat(store.queries().identities(workspace, lead.id())).containsExactlyInAnyOrder(
                new Identity(IdentityKind.USER_ID, "user-7"), new Identity(IdentityKind.ANONYMOUS_ID, "anon-phone"),
                new Identity(IdentityKind.ANONYMOUS_ID, "anon-laptop"));
        assertThat(lead.events()).isEqualTo(5);
    }

    @Test
    void recorded_events_become_a_scored_lead_readable_by_identity() throws Exception {
        record(Events.page("m1", "anon-1", "/insurance", T0),
                Events.track("m2", null, "anon-1", "Insurance Check Completed", T0.plusSeconds(60)),
                Events.identify("m3", "user-1", "anon-1", Map.of("email", "Pat@Fastmail.com", "state", "OR",
                        "age", 34), T0.plusSeconds(120)));

        LeadState lead = store.queries().leadByIdentity(workspace,
                new Identity(IdentityKind.EMAIL, "pat@fastmail.com")).orElseThrow();
        assertThat(lead.identified()).isTrue();
        assertThat(lead.events()).isEqualTo(3);
        assertThat(lead.score().engagement().value()).isPositive();
        assertThat(store.queries().identities(workspace, lead.id())).extracting(Identity::kind)
                .containsExactlyInAnyOrder(IdentityKind.USER_ID, IdentityKind.ANONYMOUS_ID, IdentityKind.EMAIL);
        assertThat(store.queries().history(workspace, lead.id())).hasSize(3);
    }

    @Test
    void a_retried_message_changes_nothing() throws Exception {
        record(Events.track("m1", "user-1", null, "Insurance Check Completed", T0));
        LeadState before = store.queries().leadByIdentity(workspace,
                new Identity(IdentityKind.USER_ID, "user-1")).orElseThrow();

        List<Recorded> again = record(Events.track("m1", "user-1", null, "Insurance Check Completed", T0));

        assertThat(again).singleElement().isInstanceOf(Recorded.Duplicate.class);
        assertThat(store.queries().lead(workspace, before.id())).contains(before);
    }

    @Test
    void two_anonymous_histories_joined_by_email_become_one_lead() throws Exception {
        record(Events.identify("m1", null, "laptop", Map.of("email", "sam@acme-health.com"), T0),
                Events.page("m2", "phone", "/pricing", T0.plusSeconds(10)));
        record(Events.identify("m3", null, "phone", Map.of("email", "sam@acme-health.com"), T0.plusSeconds(20)));

        LeadState lead = store.queries().leadByIdentity(workspace,
                new Identity(IdentityKind.ANONYMOUS_ID, "phone")).orElseThrow();
        assertThat(store.queries().leadByIdentity(workspace, new Identity(IdentityKind.ANONYMOUS_ID, "laptop")))
                .map(LeadState::id).contains(lead.id());
        assertThat(store.queries().history(workspace, lead.id())).hasSize(3);
        assertThat(lead.events()).isEqualTo(3);
    }

    @Test
    void rebuilding_from_the_log_reproduces_every_projection() throws Exception {
        record(Events.identify("m1", "vp-1", null, Map.of("email", "dana@bigco.com", "title", "VP, Benefits",
                        "segment", "employer"), T0),
                Events.group("m2", "vp-1", "bigco", Map.of("name", "BigCo", "employees", 12000,
                        "selfInsured", true, "website", "https://www.bigco.com"), T0.plusSeconds(5)),
                Events.page("m3", "visitor-9", "/pricing", T0.plusSeconds(6)),
                Events.track("m4", "vp-1", null, "ROI Calculator Completed", T0.plusSeconds(30)),
                Events.identify("m5", null, "visitor-9", Map.of("email", "dana@bigco.com"), T0.plusSeconds(40)));
        Snapshot before = Snapshot.of(store, workspace);

        store.rebuild().rebuild(workspace);

        assertThat(Snapshot.of(store, workspace)).isEqualTo(before);
        assertThat(before.rows("leads")).isNotEmpty();
        assertThat(before.rows("accounts")).isNotEmpty();
    }

    @Test
    void a_lead_of_one_workspace_is_not_found_from_another() throws Exception {
        record(Events.track("m1", "user-1", null, "Insurance Check Completed", T0));
        LeadState lead = store.queries().leadByIdentity(workspace,
                new Identity(IdentityKind.USER_ID, "user-1")).orElseThrow();
        WorkspaceId other = store.workspaces().create("Other", Segment.EMPLOYER, T0).workspace().id();

        assertThat(store.queries().lead(other, lead.id())).isEmpty();
        assertThat(store.queries().leadByIdentity(other, new Identity(IdentityKind.USER_ID, "user-1"))).isEmpty();
    }

    @Test
    void a_saturated_writer_refuses_with_a_retry_hint_and_records_nothing_refused() throws Exception {
        try (GroupCommitWriter writer = new GroupCommitWriter(store.database(), store.models(), store.destinations(),
                store.workspaces(), store.classifications(), store.cipher(),
                new WriterSettings(2, 10, 100, java.time.Duration.ofSeconds(3)));
             java.sql.Connection blocker = store.database().connection()) {
            // Hold the write lock so that admitted submissions stay queued while the third arrives.
            blocker.setAutoCommit(false);
            try (java.sql.Statement statement = blocker.createStatement()) {
                statement.execute(engine() == TestDatabase.Engine.SQLITE
                        ? "INSERT INTO workspaces (workspace_id, name, default_segment, write_key_hash, created_at) "
                                + "VALUES ('lock', 'lock', 'consumer', 'lock', 0)"
                        : "LOCK TABLE events IN EXCLUSIVE MODE");
            }
            EventIntake.Admission first = writer.submit(workspace, List.of(Events.incoming(
                    Events.track("q1", "user-1", null, "Insurance Check Completed", T0))));
            EventIntake.Admission second = writer.submit(workspace, List.of(Events.incoming(
                    Events.track("q2", "user-2", null, "Insurance Check Completed", T0))));
            EventIntake.Admission third = writer.submit(workspace, List.of(Events.incoming(
                    Events.track("q3", "user-3", null, "Insurance Check Completed", T0))));
            blocker.rollback();

            assertThat(third).isEqualTo(new EventIntake.Overloaded(java.time.Duration.ofSeconds(3)));
            for (EventIntake.Admission admitted : List.of(first, second)) {
                assertThat(((EventIntake.Admitted) admitted).recorded().toCompletableFuture()
                        .get(30, TimeUnit.SECONDS)).singleElement().isInstanceOf(Recorded.Accepted.class);
            }
        }
        assertThat(store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-2")))
                .isPresent();
        assertThat(store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-3")))
                .isEmpty();
    }

    @Test
    void sales_actions_are_applied_in_order_with_events_and_a_rebuild_replays_them() throws Exception {
        record(Events.identify("m1", "user-7", null, Map.of("email", "lee.morgan@gmail.com", "state", "CA", "age", 40,
                        "insurance", "Aetna"), T0),
                Events.track("m2", "user-7", null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track("m3", "user-7", null, "Intake Started", T0.plusSeconds(120)),
                Events.track("m4", "user-7", null, "Appointment Booked", T0.plusSeconds(180)));
        LeadState mql = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7"))
                .orElseThrow();
        assertThat(mql.stage()).isEqualTo(Stage.MQL);

        ActionOutcome refused = act(mql, new SalesAction.Won(Optional.empty()));
        ActionOutcome rejected = act(mql, new SalesAction.Reject(RejectionReason.NOT_READY,
                Optional.of("starting next quarter")));
        record(Events.track("m5", "user-7", null, "Appointment Booked", T0.plusSeconds(7200)));

        assertThat(refused).isInstanceOf(ActionOutcome.Refused.class);
        assertThat(rejected).isInstanceOf(ActionOutcome.Applied.class);
        LeadState recycled = store.queries().lead(workspace, mql.id()).orElseThrow();
        assertThat(recycled.stage()).isEqualTo(Stage.RECYCLED);
        assertThat(recycled.sales().rejection()).contains(RejectionReason.NOT_READY);
        assertThat(store.queries().transitions(workspace, mql.id())).last()
                .satisfies(move -> assertThat(move.actor()).isEqualTo(new Actor.User("rep-3")));
        Snapshot before = Snapshot.of(store, workspace);

        store.rebuild().rebuild(workspace);

        assertThat(Snapshot.of(store, workspace)).isEqualTo(before);
    }

    @Test
    void a_move_writes_its_hand_offs_to_the_outbox_delivered_in_order_per_lead_with_attempts_recorded()
            throws Exception {
        store.destinations().save(workspace, new Destination(new DestinationId("intake"), "Intake team",
                URI.create("https://intake.example.org/hooks"), Set.of(HandOffType.LEAD_MQL, HandOffType.LEAD_RECYCLED),
                Set.of(Segment.CONSUMER), Set.of(), Set.of("email"), Optional.empty(), 2, 3, true,
                EgressDeclaration.of(DestinationKind.INTAKE).withBaa()),
                List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), T0);
        record(Events.identify("m1", "user-7", null, Map.of("email", "lee.morgan@gmail.com", "state", "CA", "age", 40,
                        "insurance", "Aetna"), T0),
                Events.track("m2", "user-7", null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track("m3", "user-7", null, "Intake Started", T0.plusSeconds(120)),
                Events.track("m4", "user-7", null, "Appointment Booked", T0.plusSeconds(180)));
        LeadState mql = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7"))
                .orElseThrow();
        act(mql, new SalesAction.Reject(RejectionReason.NOT_READY, Optional.empty()));
        Instant now = T0.plusSeconds(7200);

        List<PendingDelivery> due = store.outbox().due(now, 10);
        assertThat(due).singleElement().satisfies(pending -> {
            assertThat(pending.message().type()).isEqualTo(HandOffType.LEAD_MQL);
            assertThat(pending.message().data().fields().asMap()).containsOnlyKeys("email");
            assertThat(pending.maxAttempts()).isEqualTo(3);
        });
        String mqlMessage = due.get(0).message().id();
        assertThat(store.outbox().claim(due.get(0), now, now.plusSeconds(60))).isTrue();
        assertThat(store.outbox().claim(due.get(0), now, now.plusSeconds(60))).as("claimed once").isFalse();
        assertThat(store.outbox().due(now.plusSeconds(59), 10)).as("leased to the claimant").isEmpty();
        store.outbox().attempted(new DeliveryAttempt(mqlMessage, 1, now, DeliveryAttempt.Outcome.REJECTED,
                OptionalInt.of(500), 12, Optional.empty()), Optional.of(now.plusSeconds(30)));
        assertThat(store.outbox().due(now.plusSeconds(10), 10)).as("the recycle waits behind the MQL").isEmpty();
        assertThat(store.outbox().claim(due.get(0), now.plusSeconds(30), now.plusSeconds(90)))
                .as("a read from before attempt 1 cannot claim attempt 2").isFalse();

        store.outbox().attempted(new DeliveryAttempt(mqlMessage, 2, now.plusSeconds(30),
                DeliveryAttempt.Outcome.DELIVERED, OptionalInt.of(200), 8, Optional.empty()), Optional.empty());
        List<PendingDelivery> next = store.outbox().due(now.plusSeconds(30), 10);
        assertThat(next).singleElement().satisfies(pending ->
                assertThat(pending.message().type()).isEqualTo(HandOffType.LEAD_RECYCLED));
        store.outbox().attempted(new DeliveryAttempt(next.get(0).message().id(), 1, now.plusSeconds(31),
                DeliveryAttempt.Outcome.UNREACHABLE, OptionalInt.empty(), 3, Optional.of("connection refused")),
                Optional.empty());

        assertThat(store.outbox().deadLetters(workspace, 10)).singleElement().satisfies(dead -> {
            assertThat(dead.message().type()).isEqualTo(HandOffType.LEAD_RECYCLED);
            assertThat(dead.lastError()).contains("connection refused");
        });
        assertThat(store.outbox().attempts(workspace, mqlMessage)).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryAttempt.Outcome.REJECTED, DeliveryAttempt.Outcome.DELIVERED);
        assertThat(store.outbox().replay(workspace, next.get(0).message().id(), now.plusSeconds(60))).isTrue();
        assertThat(store.outbox().due(now.plusSeconds(60), 10)).hasSize(1);
        WorkspaceId other = store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id();
        assertThat(store.outbox().attempts(other, mqlMessage)).isEmpty();
    }

    @Test
    void an_mql_runs_an_sla_timer_that_is_met_in_time_or_breached_and_escalated_once() throws Exception {
        store.workspaces().saveSettings(workspace, new WorkspaceSettings(LifecyclePolicy.DEFAULT,
                new SalesSla(Duration.ofMinutes(1), BusinessCalendar.DEFAULT)), T0);
        store.destinations().save(workspace, new Destination(new DestinationId("sales-ops"), "Sales ops",
                URI.create("https://ops.example.org/hooks"), Set.of(HandOffType.MQL_SLA_BREACHED), Set.of(), Set.of(),
                Set.of(), Optional.empty(), 1, 3, true, EgressDeclaration.of(DestinationKind.CRM).withBaa()),
                List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), T0);
        LeadState late = qualify("user-7");
        SlaTimer running = store.queries().slaTimers(workspace, late.id()).get(0);
        Instant qualifiedAt = store.queries().transitions(workspace, late.id()).get(0).at();
        assertThat(running.status()).isEqualTo(SlaTimer.Status.OPEN);
        assertThat(running.qualifiedAt()).isEqualTo(qualifiedAt);
        assertThat(running.dueAt()).isEqualTo(qualifiedAt.plus(Duration.ofMinutes(1)));
        store.workspaces().saveSettings(workspace, new WorkspaceSettings(LifecyclePolicy.DEFAULT,
                new SalesSla(Duration.ofHours(8), BusinessCalendar.DEFAULT)), T0);
        LeadState answered = qualify("user-8");

        assertThat(store.overdueTimers().due(running.dueAt().minusMillis(1), 10)).isEmpty();
        assertThat(store.overdueTimers().due(running.dueAt(), 10)).extracting(due -> due.timer().lead())
                .containsExactly(late.id());
        assertThat(store.writer().settle(workspace, running).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .contains(SlaTimer.Status.BREACHED);
        assertThat(store.writer().settle(workspace, running).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .as("settled once").isEmpty();
        assertThat(store.outbox().due(T0.plusSeconds(7200), 10)).singleElement().satisfies(pending -> {
            assertThat(pending.message().type()).isEqualTo(HandOffType.MQL_SLA_BREACHED);
            assertThat(pending.message().subject()).isEqualTo(late.id().value());
            assertThat(pending.message().at()).isEqualTo(running.dueAt());
        });
        assertThat(store.queries().breaches(workspace, true, Optional.empty(), 10).items())
                .extracting(SlaTimer::lead).containsExactly(late.id());

        act(late, new SalesAction.Accept(BANT));
        act(answered, new SalesAction.Accept(BANT));

        assertThat(store.queries().slaTimers(workspace, late.id())).singleElement().satisfies(timer -> {
            assertThat(timer.status()).isEqualTo(SlaTimer.Status.BREACHED);
            assertThat(timer.breachedAt()).contains(running.dueAt());
            assertThat(timer.closedAt()).contains(T0.plusSeconds(3600));
        });
        assertThat(store.queries().slaTimers(workspace, answered.id())).singleElement().satisfies(timer -> {
            assertThat(timer.status()).isEqualTo(SlaTimer.Status.MET);
            assertThat(timer.dueAt()).isAfter(T0.plus(Duration.ofHours(8)));
        });
        assertThat(store.queries().breaches(workspace, true, Optional.empty(), 10).items()).isEmpty();
        assertThat(store.queries().breaches(workspace, false, Optional.empty(), 10).items())
                .extracting(SlaTimer::lead).containsExactly(late.id());
        assertThat(store.overdueTimers().due(T0.plus(Duration.ofDays(30)), 10)).isEmpty();
    }

    @Test
    void a_workspace_s_recycle_setting_decides_how_much_engagement_a_recycled_lead_keeps() throws Exception {
        store.workspaces().saveSettings(workspace, new WorkspaceSettings(new LifecyclePolicy(0.5, Duration.ofDays(7)),
                SalesSla.DEFAULT), T0);
        LeadState mql = qualify("user-7");

        act(mql, new SalesAction.Reject(RejectionReason.NOT_READY, Optional.empty()));

        LeadState recycled = store.queries().lead(workspace, mql.id()).orElseThrow();
        assertThat(recycled.stage()).isEqualTo(Stage.RECYCLED);
        ScoringModel model = store.models().model(workspace, mql.model()).orElseThrow().model();
        Instant at = T0.plusSeconds(3600);
        assertThat(Qualification.of(model, recycled, at).engagement())
                .isCloseTo(Qualification.of(model, mql, at).engagement() * 0.5, within(1e-9))
                .isPositive();
        assertThat(store.workspaces().settings(workspace).lifecycle().quietPeriod()).isEqualTo(Duration.ofDays(7));
    }

    private static final Bant BANT = new Bant("self-pay", "self", "anxiety care", "this month");

    /** Records the journey that makes a consumer MQL in California. */
    private LeadState qualify(String userId) throws Exception {
        record(Events.identify(userId + "-1", userId, null, Map.of("email", userId + "@gmail.com", "state", "CA",
                        "age", 40), T0),
                Events.track(userId + "-2", userId, null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track(userId + "-3", userId, null, "Intake Started", T0.plusSeconds(120)),
                Events.track(userId + "-4", userId, null, "Appointment Booked", T0.plusSeconds(180)));
        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId))
                .orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead;
    }

    private ActionOutcome act(LeadState lead, SalesAction action) throws Exception {
        return store.writer().submit(workspace, new LeadAction(lead.id(), action, new Actor.User("rep-3"),
                T0.plusSeconds(3600))).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void crisis_language_holds_the_lead_stops_its_outreach_and_a_rebuild_reproduces_hold_and_clearing()
            throws Exception {
        store.destinations().save(workspace, new Destination(new DestinationId("intake"), "Intake team",
                URI.create("https://intake.example.org/hooks"), Set.of(HandOffType.LEAD_MQL),
                Set.of(Segment.CONSUMER), Set.of(), Set.of("email"), Optional.empty(), 2, 3, true,
                EgressDeclaration.of(DestinationKind.INTAKE).withBaa()),
                List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), T0);
        LeadState mql = qualify("user-7");
        record(Events.identify("c1", "user-7", null, Map.of("concerns", "I can't go on, I want to end my life"),
                T0.plusSeconds(600)),
                Events.track("c2", "user-7", null, "Appointment Booked", T0.plusSeconds(700)));

        LeadState held = store.queries().lead(workspace, mql.id()).orElseThrow();
        assertThat(held.stage()).isEqualTo(Stage.CRISIS_HOLD);
        assertThat(held.crisis().heldFrom()).contains(Stage.MQL);
        assertThat(store.queries().transitions(workspace, mql.id())).last().satisfies(move -> {
            assertThat(move.actor()).isEqualTo(new Actor.System("crisis-screen"));
            assertThat(move.cause()).startsWith("crisis language in identify").doesNotContain("end my life");
        });
        List<String> mqlHandOffs = store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT status FROM outbox WHERE type = 'lead.mql'").mapTo(String.class).list());
        assertThat(mqlHandOffs).as("the pending MQL hand-off is stopped").containsOnly("blocked");
        List<String> timers = store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT status FROM sla_timers").mapTo(String.class).list());
        assertThat(timers).containsOnly("void");
        assertThat(act(held, new SalesAction.Accept(BANT))).isInstanceOf(ActionOutcome.Refused.class);
        assertThat(act(held, new SalesAction.ClearCrisis("safety plan agreed with the family")))
                .isInstanceOfSatisfying(ActionOutcome.Applied.class, applied ->
                        assertThat(applied.lead().stage()).isEqualTo(Stage.MQL));
        Snapshot before = Snapshot.of(store, workspace);

        store.rebuild().rebuild(workspace);

        assertThat(Snapshot.of(store, workspace)).isEqualTo(before);
        assertThat(store.queries().lead(workspace, mql.id()).orElseThrow().crisis().held()).isFalse();
    }

    @Test
    void an_identified_consumer_who_books_becomes_an_mql() throws Exception {
        record(Events.identify("m1", "user-7", null, Map.of("email", "lee.morgan@gmail.com", "state", "CA", "age", 40,
                        "insurance", "Aetna"), T0),
                Events.track("m2", "user-7", null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track("m3", "user-7", null, "Intake Started", T0.plusSeconds(120)),
                Events.track("m4", "user-7", null, "Appointment Booked", T0.plusSeconds(180)));
        LeadState lead = store.queries().leadByIdentity(workspace,
                new Identity(IdentityKind.USER_ID, "user-7")).orElseThrow();

        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        assertThat(store.queries().transitions(workspace, lead.id())).extracting(t -> t.to())
                .containsExactly(Stage.MQL);
    }
}
