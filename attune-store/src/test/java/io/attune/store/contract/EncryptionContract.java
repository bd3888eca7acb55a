package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.Track;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.lead.LeadState;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.KeyUsage;
import io.attune.store.crypto.Keyring;
import io.attune.store.crypto.SealedColumn;
import io.attune.store.crypto.UnreadableCellException;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health data at rest: sealed in the database, readable only through the store with the right keys. */
abstract class EncryptionContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    /** Health and substance-use values that must never be found in clear text at rest. */
    static final List<String> PHI = List.of("bipolar II disorder", "opioid use disorder", "panic attacks at night",
            "methadone clinic referral");

    private final SecureRandom random = new SecureRandom();
    private TestDatabase testDatabase;
    private Keyring keyring;
    private Store store;
    private WorkspaceId workspace;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void openStore() {
        testDatabase = TestDatabase.create(engine());
        keyring = Keyring.generate(random);
        store = open(keyring);
        workspace = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0).workspace().id();
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        testDatabase.close();
    }

    @Test
    void health_values_are_sealed_in_every_column_and_read_back_through_the_store() throws Exception {
        LeadId lead = recordIntake("user-1", "m");

        for (String stored : rawValues()) {
            assertThat(stored).startsWith("enc1:k1:");
            PHI.forEach(value -> assertThat(stored).doesNotContain(value));
        }
        LeadState read = store.queries().lead(workspace, lead).orElseThrow();
        assertThat(read.traits().attributes().asMap()).containsEntry("diagnosis", "bipolar II disorder")
                .containsEntry("substanceUse", "opioid use disorder");
        assertThat(store.queries().leadByIdentity(workspace, new Identity(IdentityKind.EMAIL, "dana@example.org")))
                .contains(read);
        assertThat(store.queries().history(workspace, lead)).extracting(Event::name)
                .contains("Intake Form Submitted");
        assertThat(store.queries().history(workspace, lead)).filteredOn(event -> event instanceof Track)
                .extracting(event -> ((Track) event).properties().asMap().get("concern"))
                .containsExactly("panic attacks at night");
    }

    @Test
    void the_sqlite_file_holds_no_health_value_in_clear_text() throws Exception {
        Assumptions.assumeTrue(testDatabase.database().location() instanceof StoreLocation.SqliteDirectory,
                "PostgreSQL keeps its files on the server; the raw SELECTs cover it");
        Path directory = ((StoreLocation.SqliteDirectory) testDatabase.database().location()).directory();
        recordIntake("user-1", "m");

        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("attune.db");
        for (Path file : files) {
            String bytes = read(file);
            PHI.forEach(value -> assertThat(bytes).as(file.toString()).doesNotContain(value));
        }
        // The email stays readable on purpose (identities is the lookup key): proof that the scan sees the rows.
        assertThat(files.stream().map(this::read).anyMatch(bytes -> bytes.contains("dana@example.org"))).isTrue();
    }

    @Test
    void a_store_with_the_wrong_key_fails_loudly_instead_of_answering() throws Exception {
        LeadId lead = recordIntake("user-1", "m");
        Store impostor = open(Keyring.generate(random));
        try {
            assertThatThrownBy(() -> impostor.queries().lead(workspace, lead))
                    .isInstanceOf(UnreadableCellException.class).hasMessageContaining("does not authenticate");
            assertThatThrownBy(() -> impostor.queries().history(workspace, lead))
                    .isInstanceOf(UnreadableCellException.class);
        } finally {
            impostor.writer().close();
        }
    }

    @Test
    void a_sealed_state_copied_onto_another_lead_does_not_open() throws Exception {
        LeadId first = recordIntake("user-1", "a");
        LeadId second = recordIntake("user-2", "b");
        testDatabase.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE leads SET state = "
                        + "(SELECT state FROM leads WHERE workspace_id = :ws AND lead_id = :from) "
                        + "WHERE workspace_id = :ws AND lead_id = :to")
                .bind("ws", workspace.value()).bind("from", first.value()).bind("to", second.value()).execute());

        assertThatThrownBy(() -> store.queries().lead(workspace, second))
                .isInstanceOf(UnreadableCellException.class).hasMessageContaining("copied from another row");
        assertThat(store.queries().lead(workspace, first)).isPresent();
    }

    @Test
    void rotation_then_reencryption_leaves_nothing_under_the_old_key_and_everything_readable() throws Exception {
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(recordIntake("user-" + i, "m" + i));
        }
        List<LeadState> before = leads.stream().map(lead -> store.queries().lead(workspace, lead).orElseThrow())
                .toList();
        String plaintext = store.cipher().open(rawState(leads.get(0)),
                CellAddress.leadState(workspace.value(), leads.get(0).value()));
        // A state written before encryption existed: read as it is, and sealed by the re-encryption.
        testDatabase.database().jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE leads SET state = :state WHERE workspace_id = :ws AND lead_id = :lead")
                .bind("state", plaintext).bind("ws", workspace.value()).bind("lead", leads.get(0).value()).execute());
        Keyring rotated = keyring.rotated(random);
        store.writer().close();
        store = open(rotated);
        assertThat(usage(SealedColumn.LEAD_STATE).plaintext()).isEqualTo(1);

        long resealed = store.reencryption().run(2, progress -> { });
        long again = store.reencryption().run(2, progress -> { });

        assertThat(resealed).isEqualTo(3 + 2 * 6L);
        assertThat(again).isZero();
        for (KeyUsage.ColumnUsage column : store.keyUsage().count()) {
            assertThat(column.byKey()).as(column.column().label()).containsEntry("k1", 0L);
            assertThat(column.plaintext()).isZero();
            assertThat(column.otherKeys()).isZero();
        }
        assertThat(usage(SealedColumn.LEAD_STATE).byKey()).containsEntry("k2", 3L);
        assertThat(usage(SealedColumn.EVENT_BODY).byKey()).containsEntry("k2", 6L);
        Store newKeyOnly = open(new Keyring(List.of(rotated.primary())));
        try {
            assertThat(leads.stream().map(lead -> newKeyOnly.queries().lead(workspace, lead).orElseThrow()))
                    .containsExactlyElementsOf(before);
            assertThat(newKeyOnly.queries().history(workspace, leads.get(2))).hasSize(2);
        } finally {
            newKeyOnly.writer().close();
        }
    }

    @Test
    void a_rebuild_reproduces_the_leads_exactly_and_keeps_them_sealed() throws Exception {
        recordIntake("user-1", "a");
        recordIntake("user-2", "b");
        Snapshot before = Snapshot.of(store, workspace);

        store.rebuild().rebuild(workspace);

        assertThat(Snapshot.of(store, workspace)).isEqualTo(before);
        for (String stored : rawValues()) {
            assertThat(stored).startsWith("enc1:k1:");
            PHI.forEach(value -> assertThat(stored).doesNotContain(value));
        }
    }

    private Store open(Keyring keys) {
        return Store.over(testDatabase.database(), keys, WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** An identify with health and substance-use traits, and an intake form with a health property and extras. */
    private LeadId recordIntake(String userId, String messagePrefix) throws Exception {
        Event identify = Events.identify(messagePrefix + "-1", userId, null, Map.of("email",
                userId.equals("user-1") ? "dana@example.org" : userId + "@example.org",
                "diagnosis", "bipolar II disorder", "substanceUse", "opioid use disorder", "age", 34), T0);
        Event intake = new Track(Events.header(messagePrefix + "-2", userId, null, T0.plusSeconds(60)),
                "Intake Form Submitted", Attributes.of(Map.of("concern", "panic attacks at night")));
        EventIntake.Admission admission = store.writer().submit(workspace, List.of(Events.incoming(identify),
                new IncomingEvent(intake, "{\"notes\":\"methadone clinic referral\"}")));
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId)).orElseThrow()
                .id();
    }

    /** Every sealed column's raw value, as plain JDBC reads it. */
    private List<String> rawValues() {
        return testDatabase.database().jdbi().withHandle(handle -> {
            List<String> values = new ArrayList<>(handle.createQuery("SELECT state FROM leads")
                    .mapTo(String.class).list());
            handle.createQuery("SELECT event, extras FROM events").map((rs, ctx) -> List.of(rs.getString(1),
                    rs.getString(2))).forEach(values::addAll);
            assertThat(values).isNotEmpty();
            return values;
        });
    }

    private String rawState(LeadId lead) {
        return testDatabase.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT state FROM leads WHERE workspace_id = ? AND lead_id = ?")
                .bind(0, workspace.value()).bind(1, lead.value()).mapTo(String.class).one());
    }

    private KeyUsage.ColumnUsage usage(SealedColumn column) throws Exception {
        return store.keyUsage().count().stream().filter(usage -> usage.column() == column).findFirst().orElseThrow();
    }

    private String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
