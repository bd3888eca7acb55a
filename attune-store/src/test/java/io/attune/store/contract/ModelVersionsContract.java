package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelDecision;
import io.attune.core.model.ModelStatus;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.query.LeadFilter;
import io.attune.core.scoring.Qualification;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.model.JdbcModelRegistry;
import io.attune.store.model.YamlModels;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model versions through their lifecycle, and activation re-scoring the segment, on every engine. */
abstract class ModelVersionsContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final ModelVersion STARTER = new ModelVersion("employer-starter", 1);
    static final ModelVersion LOWER = new ModelVersion("employer-starter", 2);

    private TestDatabase testDatabase;
    private Store store;
    private WorkspaceId workspace;
    private Principal alice;
    private Principal bob;
    private Principal admin;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void openStore() {
        testDatabase = TestDatabase.create(engine());
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        workspace = store.workspaces().create("Acme Benefits", Segment.EMPLOYER, T0).workspace().id();
        alice = new Principal(workspace, Role.APPROVER, "key_alice");
        bob = new Principal(workspace, Role.APPROVER, "key_bob");
        admin = new Principal(workspace, Role.ADMIN, "key_admin");
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        testDatabase.close();
    }

    /** The employer starter model as version 2, qualifying at 30 points instead of 95. */
    static String lowerThreshold() {
        return YamlModels.starterModelText(Segment.EMPLOYER).replace("version: 1", "version: 2")
                .replace("\nthreshold: 95", "\nthreshold: 30");
    }

    private void record(io.attune.core.event.Event... events) throws Exception {
        List<IncomingEvent> incoming = java.util.Arrays.stream(events).map(Events::incoming).toList();
        EventIntake.Admitted admitted = (EventIntake.Admitted) store.writer().submit(workspace, incoming);
        admitted.recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private ModelVersions.ChangeOutcome change(ModelVersion version, ModelChange change, Principal caller)
            throws Exception {
        return store.modelVersions().change(workspace, version, change, caller, T0.plusSeconds(3600))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private List<LeadState> leads() {
        return store.queries().leads(workspace, LeadFilter.ALL, Optional.empty(), 100, T0).items();
    }

    private void approvedDraft() throws Exception {
        assertThat(store.modelVersions().draft(workspace, lowerThreshold(), alice, T0))
                .isInstanceOf(ModelVersions.Drafted.class);
        assertThat(change(LOWER, ModelChange.PROPOSE, alice)).isInstanceOf(ModelVersions.Changed.class);
        assertThat(change(LOWER, ModelChange.APPROVE, bob)).isInstanceOf(ModelVersions.Changed.class);
    }

    @Test
    void the_author_of_a_draft_may_not_approve_it_and_the_refusal_changes_nothing() throws Exception {
        store.modelVersions().draft(workspace, lowerThreshold(), alice, T0);
        change(LOWER, ModelChange.PROPOSE, alice);

        ModelVersions.ChangeOutcome own = change(LOWER, ModelChange.APPROVE, alice);

        assertThat(own).isInstanceOf(ModelVersions.Refused.class);
        assertThat(((ModelVersions.Refused) own).decision().refusal()).isEqualTo(ModelDecision.Refusal.OWN_MODEL);
        assertThat(store.models().model(workspace, LOWER).orElseThrow().lifecycle()).isEqualTo(ModelStatus.PROPOSED);
    }

    @Test
    void a_version_is_stored_once_and_a_taken_number_is_refused_with_the_next_free_one() {
        store.modelVersions().draft(workspace, lowerThreshold(), alice, T0);

        assertThat(store.modelVersions().draft(workspace, lowerThreshold(), bob, T0))
                .isEqualTo(new ModelVersions.VersionTaken(LOWER, 3));
        assertThat(store.modelVersions().draft(workspace, "id: x\nversion: 1\nsegment: nowhere\n", bob, T0))
                .isInstanceOf(ModelVersions.Invalid.class);
    }

    @Test
    void activating_re_scores_every_lead_of_the_segment_and_moves_those_that_now_qualify() throws Exception {
        record(Events.identify("m1", "vp-1", null, Map.of("email", "dana@bigco.com", "title", "VP, Benefits"), T0),
                Events.track("m2", "vp-1", null, "ROI Calculator Completed", T0.plusSeconds(30)),
                Events.identify("m3", "hr-2", null, Map.of("email", "lee@smallco.com", "title", "HR Generalist"),
                        T0.plusSeconds(40)));
        assertThat(leads()).extracting(LeadState::stage).doesNotContain(Stage.MQL);
        approvedDraft();

        ModelVersions.ChangeOutcome activated = change(LOWER, ModelChange.ACTIVATE, admin);

        assertThat(activated).isInstanceOf(ModelVersions.Changed.class);
        assertThat(((ModelVersions.Changed) activated).rescored()).isEqualTo(2);
        assertThat(((ModelVersions.Changed) activated).model().lifecycle()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(leads()).extracting(LeadState::model).containsOnly(LOWER);
        LeadState dana = leads().stream()
                .filter(l -> l.traits().attributes().asMap().get("title").equals("VP, Benefits"))
                .findFirst().orElseThrow();
        assertThat(dana.stage()).isEqualTo(Stage.MQL);
        Transition move = store.queries().transitions(workspace, dana.id()).get(
                store.queries().transitions(workspace, dana.id()).size() - 1);
        assertThat(move.to()).isEqualTo(Stage.MQL);
        assertThat(move.actor().describe()).isEqualTo("model:" + LOWER);
        assertThat(store.models().catalog(workspace).active(Segment.EMPLOYER).version()).isEqualTo(LOWER);
        assertThat(store.models().model(workspace, STARTER).orElseThrow().lifecycle()).isEqualTo(ModelStatus.RETIRED);
    }

    @Test
    void activation_re_scores_each_lead_as_a_rebuild_under_the_new_model_would_merged_histories_included()
            throws Exception {
        List<io.attune.core.event.Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = T0.plusSeconds(60L * i);
            events.add(Events.identify("id-" + i, "user-" + i, null, Map.of("email", "p" + i + "@co" + i % 3 + ".com",
                    "title", i % 2 == 0 ? "VP, Benefits" : "HR Generalist"), at));
            events.add(Events.track("roi-" + i, "user-" + i, null, "ROI Calculator Completed", at.plusSeconds(5)));
            events.add(Events.page("pricing-" + i, "visitor-" + i, "/pricing", at.plusSeconds(10)));
        }
        // three visitors turn out to be known people: their page views join those people's histories
        for (int i = 0; i < 3; i++) {
            events.add(Events.identify("join-" + i, "user-" + i, "visitor-" + i, Map.of(), T0.plusSeconds(3600 + i)));
        }
        record(events.toArray(io.attune.core.event.Event[]::new));
        approvedDraft();

        change(LOWER, ModelChange.ACTIVATE, admin);
        Map<LeadId, LeadState> activated = byId(leads());
        store.rebuild().rebuild(workspace);
        Map<LeadId, LeadState> rebuilt = byId(leads());

        assertThat(activated).hasSize(21);
        assertThat(activated.keySet()).isEqualTo(rebuilt.keySet());
        activated.forEach((id, lead) -> {
            LeadState again = rebuilt.get(id);
            assertThat(lead.model()).as("model of %s", id).isEqualTo(LOWER);
            assertThat(lead.traits()).as("traits of %s", id).isEqualTo(again.traits());
            assertThat(lead.score().fit()).as("fit of %s", id).isEqualTo(again.score().fit());
            assertThat(lead.score().engagement()).as("engagement of %s", id).isEqualTo(again.score().engagement());
        });
        assertThat(activated.values()).filteredOn(lead -> lead.score().engagement().value() > 0).hasSizeGreaterThan(12);
    }

    @Test
    void activation_writes_in_lead_order_whichever_replay_finishes_first() throws Exception {
        // three read-ahead windows of leads, in a few accounts whose roll-ups add up every contact
        List<io.attune.core.event.Event> events = contacts(1_200, 5, false);
        Snapshot onOneThread = activatedOn(WriterSettings.DEFAULTS.withRescoreThreads(1), events, List.of());
        Snapshot onFourThreads = activatedOn(WriterSettings.DEFAULTS.withRescoreThreads(4), events, List.of());

        assertThat(onOneThread.rows("transitions")).hasSizeGreaterThan(150);
        assertThat(onFourThreads).isEqualTo(onOneThread);
    }

    @Test
    void activation_re_scores_leads_the_writer_no_longer_remembers_as_those_it_does() throws Exception {
        // more leads than a read-ahead window, some with merged histories, in accounts that roll them up
        List<io.attune.core.event.Event> events = contacts(700, 7, true);
        for (int i = 0; i < 700; i += 10) {
            events.add(Events.identify("join-" + i, "user-" + i, "visitor-" + i, Map.of(), T0.plusSeconds(3000 + i)));
        }
        // after the activation, leads the writer remembered (the last recorded) and others engage again
        List<io.attune.core.event.Event> later = new java.util.ArrayList<>();
        for (int i : List.of(0, 1, 350, 690, 698, 699)) {
            later.add(Events.track("again-" + i, "user-" + i, null, "ROI Calculator Completed", T0.plusSeconds(4000 + i)));
        }
        WriterSettings defaults = WriterSettings.DEFAULTS;
        Snapshot remembered = activatedOn(defaults.withRescoreThreads(1), events, later);
        Snapshot readBack = activatedOn(new WriterSettings(defaults.queueCapacity(), defaults.maxGroupEvents(), 1,
                defaults.retryAfter(), 4), events, later);

        assertThat(remembered.rows("transitions")).hasSizeGreaterThan(100);
        assertThat(readBack).isEqualTo(remembered);
    }

    /**
     * Records the events in a store of its own with these writer settings, activates the lower
     * threshold there, records the later events and returns the projections. The workspace has the
     * same id in every such store, so that leads have the same ids and are re-scored in the same order.
     */
    private Snapshot activatedOn(WriterSettings settings, List<io.attune.core.event.Event> events,
            List<io.attune.core.event.Event> later) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine())) {
            Store target = Store.over(database.database(), settings, Clock.fixed(T0, ZoneOffset.UTC));
            try {
                WorkspaceId id = new WorkspaceId("ws_order");
                target.database().jdbi().useTransaction(handle -> {
                    handle.createUpdate("INSERT INTO workspaces (workspace_id, name, default_segment, write_key_hash, "
                            + "created_at) VALUES (?, 'Acme Benefits', 'employer', 'none', ?)")
                            .bind(0, id.value()).bind(1, T0.toEpochMilli()).execute();
                    JdbcModelRegistry.installStarterModels(handle, id, T0);
                });
                for (int from = 0; from < events.size(); from += 500) {
                    EventIntake.Admitted admitted = (EventIntake.Admitted) target.writer().submit(id, events
                            .subList(from, Math.min(events.size(), from + 500)).stream().map(Events::incoming)
                            .toList());
                    admitted.recorded().toCompletableFuture().get(60, TimeUnit.SECONDS);
                }
                Principal author = new Principal(id, Role.APPROVER, "key_alice");
                target.modelVersions().draft(id, lowerThreshold(), author, T0);
                for (ModelChange step : List.of(ModelChange.PROPOSE, ModelChange.APPROVE, ModelChange.ACTIVATE)) {
                    Principal caller = step == ModelChange.APPROVE ? new Principal(id, Role.APPROVER, "key_bob")
                            : author;
                    assertThat(target.modelVersions().change(id, LOWER, step, caller, T0.plusSeconds(3600))
                            .toCompletableFuture().get(60, TimeUnit.SECONDS)).isInstanceOf(ModelVersions.Changed.class);
                }
                if (!later.isEmpty()) {
                    EventIntake.Admitted admitted = (EventIntake.Admitted) target.writer().submit(id, later.stream()
                            .map(Events::incoming).toList());
                    admitted.recorded().toCompletableFuture().get(60, TimeUnit.SECONDS);
                }
                return Snapshot.of(target, id);
            } finally {
                target.writer().close();
            }
        }
    }

    private static Map<LeadId, LeadState> byId(List<LeadState> leads) {
        return leads.stream().collect(java.util.stream.Collectors.toMap(LeadState::id, lead -> lead));
    }

    @Test
    void rolling_back_activates_the_earlier_version_again_and_re_scores_under_it() throws Exception {
        record(Events.track("m1", "vp-1", null, "ROI Calculator Completed", T0));
        approvedDraft();
        change(LOWER, ModelChange.ACTIVATE, admin);
        LeadState before = leads().get(0);

        assertThat(change(STARTER, ModelChange.ACTIVATE, admin)).isInstanceOf(ModelVersions.Changed.class);

        assertThat(leads()).extracting(LeadState::model).containsOnly(STARTER);
        assertThat(leads().get(0).score().engagement()).isEqualTo(before.score().engagement());
        assertThat(store.models().model(workspace, LOWER).orElseThrow().lifecycle()).isEqualTo(ModelStatus.RETIRED);
        assertThat(store.models().model(workspace, STARTER).orElseThrow().lifecycle()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void every_change_is_in_the_hash_chained_audit_log_with_the_key_that_made_it() throws Exception {
        approvedDraft();
        change(LOWER, ModelChange.ACTIVATE, admin);

        List<AuditEntry> entries = store.audit().entries(workspace, AuditFilter.ALL, Optional.empty(), 50).items();
        assertThat(entries).extracting(entry -> entry.action().name() + " " + entry.subject().orElseThrow().id() + " "
                + entry.actor().describe()).containsExactly(
                "model.drafted employer-starter@2 key:key_alice",
                "model.proposed employer-starter@2 key:key_alice",
                "model.approved employer-starter@2 key:key_bob",
                "model.retired employer-starter@1 key:key_admin",
                "model.activated employer-starter@2 key:key_admin");
        assertThat(store.audit().verify(workspace).intact()).isTrue();
    }

    /**
     * The employer starter model as version 2 without decay (so sums read the same at any time) and a
     * learned term of 40 × sigmoid(−1 + 0.04 × title + 0.05 × ROI calculator + 0.1 × pricing).
     */
    static String learned() {
        return YamlModels.starterModelText(Segment.EMPLOYER).replace("version: 1", "version: 2")
                .replace("\ndecayPerQuarter: 0.25", "\ndecayPerQuarter: 0") + """

                learned:
                  points: 40
                  intercept: -1
                  weights:
                    title_benefits_leader: 0.04
                    roi_calculator_completed: 0.05
                    pricing_page: 0.1
                  trainedOn: "contract test"
                """;
    }

    @Test
    void a_learned_term_is_scored_on_activation_and_live_and_the_score_bounds_of_the_lead_list_include_it()
            throws Exception {
        record(Events.identify("m1", "vp-1", "a-vp", Map.of("email", "dana@bigco.com", "title", "VP, Benefits"), T0),
                Events.track("m2", "vp-1", null, "ROI Calculator Completed", T0.plusSeconds(30)),
                Events.identify("m3", "hr-2", null, Map.of("email", "lee@smallco.com", "title", "Office Manager"),
                        T0.plusSeconds(40)));
        assertThat(store.modelVersions().draft(workspace, learned(), alice, T0)).isInstanceOf(ModelVersions.Drafted.class);
        change(LOWER, ModelChange.PROPOSE, alice);
        change(LOWER, ModelChange.APPROVE, bob);
        assertThat(change(LOWER, ModelChange.ACTIVATE, admin)).isInstanceOf(ModelVersions.Changed.class);
        Instant now = T0.plusSeconds(3600);

        // fit 25 + engagement 20 + 40 × sigmoid(−1 + 1 + 1) = 74.24: not yet an MQL
        assertThat(total(dana(), now)).isCloseTo(74.2423431, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(dana().stage()).isNotEqualTo(Stage.MQL);
        record(Events.page("m4", "a-vp", "/pricing", T0.plusSeconds(60)));

        // the rules alone give 25 + 35 = 60; with 40 × sigmoid(2.5) = 36.97 the lead reaches 95
        assertThat(total(dana(), now)).isCloseTo(96.9656728, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(dana().stage()).isEqualTo(Stage.MQL);
        assertThat(store.queries().transitions(workspace, dana().id())).last()
                .satisfies(move -> assertThat(move.actor().describe()).isEqualTo("model:" + LOWER));
        assertThat(listed(OptionalDouble.of(61), OptionalDouble.empty(), now)).containsExactly("VP, Benefits");
        assertThat(listed(OptionalDouble.of(96.9), OptionalDouble.of(97), now)).containsExactly("VP, Benefits");
        // 40 × sigmoid(−1) = 10.76 for a lead no rule scores; the SQL sum alone (0) would miss it
        assertThat(listed(OptionalDouble.of(10), OptionalDouble.of(70), now)).containsExactly("Office Manager");
        assertThat(listed(OptionalDouble.empty(), OptionalDouble.of(10), now)).isEmpty();
        assertThat(store.queries().leads(workspace, new LeadFilter(Optional.empty(), Optional.empty(),
                OptionalDouble.of(10), OptionalDouble.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 1,
                now).next()).isPresent();
    }

    private LeadState dana() {
        return leads().stream().filter(l -> "VP, Benefits".equals(l.traits().facts(DataDictionary.defaults()).get("title"))).findFirst()
                .orElseThrow();
    }

    private double total(LeadState lead, Instant at) {
        return Qualification.of(store.models().catalog(workspace).active(Segment.EMPLOYER), lead, at).total();
    }

    private List<Object> listed(OptionalDouble min, OptionalDouble max, Instant now) {
        return store.queries().leads(workspace, new LeadFilter(Optional.empty(), Optional.empty(), min, max,
                Optional.empty(), Optional.empty()), Optional.empty(), 100, now).items().stream()
                .map(lead -> lead.traits().facts(DataDictionary.defaults()).get("title")).toList();
    }

    /**
     * {@code count} employer contacts, a second apart, identified with work emails at {@code accounts}
     * companies, half of them VPs of benefits, every third running the ROI calculator; with
     * {@code pricingVisits} each also views pricing from a device not yet joined to them.
     */
    private static List<io.attune.core.event.Event> contacts(int count, int accounts, boolean pricingVisits) {
        List<io.attune.core.event.Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = T0.plusSeconds(i);
            events.add(Events.identify("id-" + i, "user-" + i, null, Map.of("email", "p" + i + "@co" + i % accounts
                    + ".com", "title", i % 2 == 0 ? "VP, Benefits" : "HR Generalist"), at));
            if (pricingVisits) {
                events.add(Events.page("pricing-" + i, "visitor-" + i, "/pricing", at.plusSeconds(2)));
            }
            if (i % 3 == 0) {
                events.add(Events.track("roi-" + i, "user-" + i, null, "ROI Calculator Completed", at.plusSeconds(5)));
            }
        }
        return events;
    }
}
