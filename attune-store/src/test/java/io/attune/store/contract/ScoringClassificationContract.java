package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DictionaryEntry;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.PrivacySettings;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.model.YamlModels;
import io.attune.store.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A workspace's classification decides what its scoring rules see, through the real writer,
 * activation and rebuild, on every engine: a trait it calls substance use stays out of a consumer's
 * rule facts there (SUD-01), while a workspace on the defaults scores it.
 */
abstract class ScoringClassificationContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final ModelVersion WITH_PROGRAM = new ModelVersion("consumer-starter", 2);
    /** Neither a default dictionary entry nor a substance-use term: the defaults read it as health. */
    static final Map<String, Object> IN_PROGRAM = Map.of("age", 34, "recoveryProgram", "Lakeside evenings");
    static final PrivacyClassification PROGRAM_IS_SUBSTANCE_USE = new PrivacyClassification(List.of(), List.of(),
            List.of(new DictionaryEntry("recoveryProgram", DataClass.SUBSTANCE_USE, false)), List.of(), List.of(),
            List.of());

    private TestDatabase testDatabase;
    private Store store;
    private WorkspaceId classified;
    private WorkspaceId defaults;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void openStore() throws Exception {
        testDatabase = TestDatabase.create(engine());
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        classified = consumerWorkspace("Lakeside Recovery");
        defaults = consumerWorkspace("Northside Behavioral Health");
        store.classifications().save(classified, PROGRAM_IS_SUBSTANCE_USE, new Actor.User("admin"), T0);
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        testDatabase.close();
    }

    /**
     * A consumer workspace whose active model rewards {@code recoveryProgram}, and where no state law
     * gates scoring, so that only the classification decides.
     */
    private WorkspaceId consumerWorkspace(String name) throws Exception {
        WorkspaceId workspace = store.workspaces().create(name, Segment.CONSUMER, T0).workspace().id();
        store.workspaces().saveSettings(workspace, store.workspaces().settings(workspace)
                .withPrivacy(new PrivacySettings(UnknownJurisdiction.NOT_COVERED)), T0);
        activate(workspace, WITH_PROGRAM);
        return workspace;
    }

    /** Drafts, proposes, approves and activates the starter model with a rule on {@code recoveryProgram}. */
    private void activate(WorkspaceId workspace, ModelVersion version) throws Exception {
        String model = YamlModels.starterModelText(Segment.CONSUMER)
                .replace("\nversion: 1\n", "\nversion: " + version.version() + "\n")
                .replace("\nfit:\n", "\nfit:\n  - id: in_program\n    when: 'has(lead.recoveryProgram)'\n"
                        + "    points: 20\n");
        assertThat(store.modelVersions().draft(workspace, model, principal(workspace, Role.APPROVER, "alice"), T0))
                .isInstanceOf(ModelVersions.Drafted.class);
        change(workspace, version, ModelChange.PROPOSE, principal(workspace, Role.APPROVER, "alice"));
        change(workspace, version, ModelChange.APPROVE, principal(workspace, Role.APPROVER, "bob"));
        change(workspace, version, ModelChange.ACTIVATE, principal(workspace, Role.ADMIN, "admin"));
    }

    private static Principal principal(WorkspaceId workspace, Role role, String key) {
        return new Principal(workspace, role, "key_" + key);
    }

    private void change(WorkspaceId workspace, ModelVersion version, ModelChange change, Principal caller)
            throws Exception {
        assertThat(store.modelVersions().change(workspace, version, change, caller, T0)
                .toCompletableFuture().get(60, TimeUnit.SECONDS)).isInstanceOf(ModelVersions.Changed.class);
    }

    private void record(WorkspaceId workspace, Event... events) throws Exception {
        List<IncomingEvent> incoming = java.util.Arrays.stream(events).map(Events::incoming).toList();
        EventIntake.Admitted admitted = (EventIntake.Admitted) store.writer().submit(workspace, incoming);
        admitted.recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private List<String> fit(WorkspaceId workspace, String userId) {
        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId))
                .orElseThrow();
        return lead.score().fitContributions().stream().map(fit -> fit.rule().value()).toList();
    }

    @Test
    void a_trait_the_workspace_calls_substance_use_earns_nothing_there_and_counts_elsewhere() throws Exception {
        record(classified, Events.identify("m1", "pat", null, IN_PROGRAM, T0.plusSeconds(10)));
        record(defaults, Events.identify("m1", "pat", null, IN_PROGRAM, T0.plusSeconds(10)));

        assertThat(fit(classified, "pat")).containsExactly("adult");
        assertThat(fit(defaults, "pat")).containsExactlyInAnyOrder("adult", "in_program");
    }

    @Test
    void a_changed_classification_applies_from_the_next_event_and_a_rebuild_applies_it_to_the_rest()
            throws Exception {
        record(defaults, Events.identify("m1", "pat", null, IN_PROGRAM, T0.plusSeconds(10)));
        assertThat(fit(defaults, "pat")).containsExactlyInAnyOrder("adult", "in_program");

        store.classifications().save(defaults, PROGRAM_IS_SUBSTANCE_USE, new Actor.User("admin"), T0.plusSeconds(20));
        record(defaults, Events.identify("m2", "sam", null, IN_PROGRAM, T0.plusSeconds(30)));

        assertThat(fit(defaults, "sam")).as("the writer forgot the dictionary it had").containsExactly("adult");
        assertThat(fit(defaults, "pat")).as("kept until re-scored").containsExactlyInAnyOrder("adult", "in_program");

        store.writer().close();
        store.rebuild().rebuild(defaults);
        assertThat(fit(defaults, "pat")).containsExactly("adult");
        assertThat(fit(defaults, "sam")).containsExactly("adult");
    }

    @Test
    void activating_a_model_re_scores_the_segment_under_the_classification_as_it_is_then() throws Exception {
        record(defaults, Events.identify("m1", "pat", null, IN_PROGRAM, T0.plusSeconds(10)));
        store.classifications().save(defaults, PROGRAM_IS_SUBSTANCE_USE, new Actor.User("admin"), T0.plusSeconds(20));
        assertThat(fit(defaults, "pat")).containsExactlyInAnyOrder("adult", "in_program");

        ModelVersion next = new ModelVersion("consumer-starter", 3);
        activate(defaults, next);

        LeadState pat = store.queries().leadByIdentity(defaults, new Identity(IdentityKind.USER_ID, "pat"))
                .orElseThrow();
        assertThat(pat.model()).isEqualTo(next);
        assertThat(fit(defaults, "pat")).containsExactly("adult");
    }
}
