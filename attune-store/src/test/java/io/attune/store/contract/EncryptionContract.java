package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Part2Elements;
import io.attune.core.consent.Purpose;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.erasure.Erasure;
import io.attune.core.erasure.ErasureRequest;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Track;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.StatutoryDeadlines;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health data at rest: sealed in the database, readable only through the store with the right keys. */
abstract class EncryptionContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    /** Health and substance-use values that must never be found in clear text at rest. */
    static final List<String> PHI = List.of("bipolar II disorder", "opioid use disorder", "panic attacks at night",
            "methadone clinic referral");

    static final String PART2_TEXT = "I agree that Northside may share my records from its Opioid Treatment Program "
            + "with Harbor Recovery to arrange my admission.";
    static final String INTAKE_PAGE = "https://northside.example/detox-intake";
    static final String KIOSK_IP = "203.0.113.77";
    static final String KIOSK_AGENT = "Mozilla/5.0 (Recovery Kiosk)";
    static final Part2Elements PART2 = new Part2Elements("Jordan Avery", "Northside Behavioral Health",
            "methadone dosing history", "Arranging admission", true, true);
    /** What a consent's disclosure, evidence and Part 2 elements reveal, never to be found in clear text at rest. */
    static final List<String> CONSENT_PHI = List.of("Opioid Treatment Program", "/detox-intake", KIOSK_IP,
            "Recovery Kiosk", "Jordan Avery", "methadone dosing history");

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
        List<String> names = testDatabase.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT name FROM events").mapTo(String.class).list());
        assertThat(names).as("event names live only in the sealed event").isNotEmpty().allMatch(String::isEmpty);
        assertThat(store.queries().history(workspace, lead)).filteredOn(event -> event instanceof Track)
                .extracting(event -> ((Track) event).properties().asMap().get("concern"))
                .containsExactly("panic attacks at night");
    }

    /** Run by the SQLite subclass only: PostgreSQL keeps its files on the server, and the raw SELECTs cover it. */
    void the_sqlite_file_holds_no_health_value_in_clear_text() throws Exception {
        Path directory = ((StoreLocation.SqliteDirectory) testDatabase.database().location()).directory();
        recordIntake("user-1", "m");
        qualifyWithHealthTraits("user-9");
        recordConsents("user-7", "c");
        assertThat(rawHandOffs()).isNotEmpty();

        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("attune.db");
        for (Path file : files) {
            String bytes = read(file);
            PHI.forEach(value -> assertThat(bytes).as(file.toString()).doesNotContain(value));
            CONSENT_PHI.forEach(value -> assertThat(bytes).as(file.toString()).doesNotContain(value));
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

    @Test
    void hand_off_payloads_are_sealed_and_read_back_by_delivery_the_export_and_erasure() throws Exception {
        LeadId lead = qualifyWithHealthTraits("user-9");

        assertThat(rawHandOffs()).singleElement().satisfies(this::assertSealedUnderK1);
        PendingDelivery mql = store.outbox().due(T0.plusSeconds(3600), 10).get(0);
        assertThat(mql.message().data().fields().asMap()).containsEntry("diagnosis", "bipolar II disorder")
                .containsEntry("substanceUse", "opioid use disorder");
        JsonNode exported = new ObjectMapper().readTree(store.subjectExport().export(workspace, lead, T0.plusSeconds(
                3600)).orElseThrow().json());
        assertThat(exported.get("handOffs").get(0).get("data").get("fields").get("diagnosis").asText())
                .isEqualTo("bipolar II disorder");
        store.outbox().attempted(new DeliveryAttempt(mql.message().id(), 1, T0.plusSeconds(3600),
                DeliveryAttempt.Outcome.DELIVERED, OptionalInt.of(200), 5, Optional.empty()), Optional.empty());

        Erasure erasure = store.writer().erase(workspace, new ErasureRequest(lead, "privacy-officer",
                        "data-subject request", new Actor.User("dpo-1"), T0.plusSeconds(7200), StatutoryDeadlines.STANDARD.of(RequestKind.DELETION,
                        Jurisdiction.UNKNOWN, T0.plusSeconds(7200))))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(erasure).isInstanceOfSatisfying(Erasure.Erased.class, erased ->
                assertThat(erased.tombstone().notified()).containsExactly(new DestinationId("intake")));
        assertThat(rawHandOffs()).singleElement().satisfies(this::assertSealedUnderK1);
        assertThat(store.outbox().due(T0.plusSeconds(7200), 10)).singleElement().satisfies(notice ->
                assertThat(notice.message().data().fields().asMap()).containsEntry("email", "user-9@northside-mail.net"));
    }

    @Test
    void a_hand_off_written_before_encryption_still_reads_and_reencryption_seals_it() throws Exception {
        qualifyWithHealthTraits("user-9");
        PendingDelivery mql = store.outbox().due(T0.plusSeconds(3600), 10).get(0);
        String plaintext = store.cipher().open(rawHandOffs().get(0),
                CellAddress.outboxData(workspace.value(), mql.message().id()));
        testDatabase.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE outbox SET data = :data")
                .bind("data", plaintext).execute());
        Keyring rotated = keyring.rotated(random);
        store.writer().close();
        store = open(rotated);
        assertThat(store.outbox().due(T0.plusSeconds(3600), 10)).containsExactly(mql);
        assertThat(usage(SealedColumn.OUTBOX_DATA).plaintext()).isEqualTo(1);

        store.reencryption().run(10, progress -> { });

        assertThat(usage(SealedColumn.OUTBOX_DATA).byKey()).containsEntry("k1", 0L).containsEntry("k2", 1L);
        assertThat(usage(SealedColumn.OUTBOX_DATA).plaintext()).isZero();
        assertThat(rawHandOffs()).singleElement().satisfies(stored -> assertThat(stored).startsWith("enc1:k2:"));
        assertThat(store.outbox().due(T0.plusSeconds(3600), 10)).containsExactly(mql);
    }

    @Test
    void sales_actions_are_sealed_read_back_by_export_and_rebuild_and_reencrypted_page_by_page() throws Exception {
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeadId lead = qualifyWithHealthTraits("user-" + i);
            leads.add(lead);
            LeadAction accept = new LeadAction(lead, new SalesAction.Accept(new Bant("self-pay", "self",
                    "methadone clinic referral", "this month")), new Actor.User("rep-3"), T0.plusSeconds(3600));
            assertThat(store.writer().submit(workspace, accept).toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ActionOutcome.Applied.class);
        }
        assertThat(rawActions()).hasSize(3).allSatisfy(this::assertSealedUnderK1);
        JsonNode exported = new ObjectMapper().readTree(store.subjectExport().export(workspace, leads.get(0),
                T0.plusSeconds(3600)).orElseThrow().json());
        assertThat(exported.get("salesActions").toString()).contains("methadone clinic referral");
        Snapshot accepted = Snapshot.of(store, workspace);
        store.rebuild().rebuild(workspace);
        assertThat(Snapshot.of(store, workspace)).isEqualTo(accepted);

        // An action written before encryption: still replayed as it is, and sealed by the re-encryption.
        testDatabase.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE lead_actions SET action = "
                + ":action WHERE seq = (SELECT MIN(seq) FROM lead_actions)").bind("action",
                exported.get("salesActions").get(0).get("action").toString()).execute());
        Keyring rotated = keyring.rotated(random);
        store.writer().close();
        store = open(rotated);
        assertThat(usage(SealedColumn.LEAD_ACTION).plaintext()).isEqualTo(1);
        store.rebuild().rebuild(workspace);
        assertThat(Snapshot.of(store, workspace)).isEqualTo(accepted);

        // One per batch: paging by seq must go on past the first action (compared as text it stops at once).
        store.reencryption().run(1, progress -> { });

        assertThat(usage(SealedColumn.LEAD_ACTION).byKey()).containsEntry("k1", 0L).containsEntry("k2", 3L);
        assertThat(usage(SealedColumn.LEAD_ACTION).plaintext()).isZero();
        store.rebuild().rebuild(workspace);
        assertThat(Snapshot.of(store, workspace)).isEqualTo(accepted);
    }

    @Test
    void consent_disclosures_evidence_and_part2_elements_are_sealed_and_read_back_by_the_ledger_export_and_rebuild()
            throws Exception {
        LeadId lead = recordConsents("user-7", "c");

        assertThat(rawConsentCells()).hasSize(3 + 2 * 3 + 1).allSatisfy(stored -> assertConsentSealedUnder("k1",
                stored));
        List<ConsentRecord> history = store.consents().ledger(workspace, lead).history();
        assertThat(history).extracting(ConsentRecord::purpose).containsExactly(Purpose.PART2_WRITTEN_CONSENT,
                Purpose.EMAIL_MARKETING, Purpose.EMAIL_MARKETING);
        ConsentRecord grant = history.get(0);
        assertThat(grant.disclosure()).contains(new Disclosure(PART2_TEXT, Optional.of("part2-v1")));
        assertThat(grant.evidence()).isEqualTo(new Evidence(Optional.of(INTAKE_PAGE), Optional.of(KIOSK_IP),
                Optional.of(KIOSK_AGENT)));
        assertThat(grant.part2()).contains(PART2);
        assertThat(history.get(2).evidence()).isEqualTo(Evidence.NONE);
        assertThat(store.queries().consents(workspace, lead).history()).isEqualTo(history);
        JsonNode exported = new ObjectMapper().readTree(store.subjectExport().export(workspace, lead,
                T0.plusSeconds(3600)).orElseThrow().json()).get("consents");
        assertThat(exported).hasSize(3);
        assertThat(exported.get(0).get("disclosure").asText()).isEqualTo(PART2_TEXT);
        assertThat(exported.get(0).get("page").asText()).isEqualTo(INTAKE_PAGE);
        assertThat(exported.get(0).get("ip").asText()).isEqualTo(KIOSK_IP);
        assertThat(exported.get(0).get("userAgent").asText()).isEqualTo(KIOSK_AGENT);
        assertThat(exported.get(0).get("part2").asText()).contains("\"patientName\":\"Jordan Avery\"");
        assertThat(exported.get(2).get("page").isNull()).isTrue();

        store.rebuild().rebuild(workspace);

        assertThat(store.consents().ledger(workspace, lead).history()).isEqualTo(history);
        assertThat(rawConsentCells()).hasSize(3 + 2 * 3 + 1).allSatisfy(stored -> assertConsentSealedUnder("k1",
                stored));
    }

    @Test
    void a_sealed_disclosure_copied_onto_another_consent_does_not_open() throws Exception {
        LeadId lead = recordConsents("user-7", "c");
        testDatabase.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE consents SET disclosure = "
                        + "(SELECT disclosure FROM consents WHERE workspace_id = :ws AND ordinal = 0 AND message_id IS "
                        + "NOT NULL) WHERE workspace_id = :ws AND message_id IS NULL")
                .bind("ws", workspace.value()).execute());

        assertThatThrownBy(() -> store.consents().ledger(workspace, lead))
                .isInstanceOf(UnreadableCellException.class).hasMessageContaining("consents.disclosure")
                .hasMessageContaining("copied from another row");
    }

    @Test
    void consents_written_before_encryption_still_read_and_reencryption_seals_them_and_moves_old_key_ones()
            throws Exception {
        LeadId first = recordConsents("user-7", "c");
        LeadId second = recordConsents("user-8", "d");
        List<ConsentRecord> firstLedger = store.consents().ledger(workspace, first).history();
        List<ConsentRecord> secondLedger = store.consents().ledger(workspace, second).history();
        // The first lead's Part 2 grant as a store from before encryption holds it: the same text, unsealed.
        unsealConsent(first, 0);
        Keyring rotated = keyring.rotated(random);
        store.writer().close();
        store = open(rotated);
        assertThat(store.consents().ledger(workspace, first).history()).isEqualTo(firstLedger);
        assertThat(usage(SealedColumn.CONSENT_DISCLOSURE)).satisfies(usage -> {
            assertThat(usage.byKey()).containsEntry("k1", 5L).containsEntry("k2", 0L);
            assertThat(usage.plaintext()).isEqualTo(1);
        });
        // An empty cell (a revocation entered without evidence) is neither sealed nor waiting to be.
        assertThat(usage(SealedColumn.CONSENT_PAGE)).satisfies(usage -> {
            assertThat(usage.byKey()).containsEntry("k1", 3L);
            assertThat(usage.plaintext()).isEqualTo(1);
            assertThat(usage.otherKeys()).isZero();
        });
        assertThat(usage(SealedColumn.CONSENT_PART2).plaintext()).isEqualTo(1);

        // One per batch: paging must go on past two consents at one position (ordinals 0 and 1).
        store.reencryption().run(1, progress -> { });
        long again = store.reencryption().run(1, progress -> { });

        assertThat(again).isZero();
        Map<SealedColumn, Long> cells = Map.of(SealedColumn.CONSENT_DISCLOSURE, 6L, SealedColumn.CONSENT_PAGE, 4L,
                SealedColumn.CONSENT_IP, 4L, SealedColumn.CONSENT_USER_AGENT, 4L, SealedColumn.CONSENT_PART2, 2L);
        for (Map.Entry<SealedColumn, Long> cell : cells.entrySet()) {
            KeyUsage.ColumnUsage usage = usage(cell.getKey());
            String column = cell.getKey().label();
            assertThat(usage.byKey()).as(column).containsEntry("k1", 0L).containsEntry("k2", cell.getValue());
            assertThat(usage.plaintext()).as(column).isZero();
            assertThat(usage.otherKeys()).as(column).isZero();
        }
        assertThat(rawConsentCells()).hasSize(20).allSatisfy(stored -> assertConsentSealedUnder("k2", stored));
        Store newKeyOnly = open(new Keyring(List.of(rotated.primary())));
        try {
            assertThat(newKeyOnly.consents().ledger(workspace, first).history()).isEqualTo(firstLedger);
            assertThat(newKeyOnly.consents().ledger(workspace, second).history()).isEqualTo(secondLedger);
            JsonNode exported = new ObjectMapper().readTree(newKeyOnly.subjectExport().export(workspace, first,
                    T0.plusSeconds(3600)).orElseThrow().json());
            assertThat(exported.get("consents").get(0).get("disclosure").asText()).isEqualTo(PART2_TEXT);
        } finally {
            newKeyOnly.writer().close();
        }
    }

    /**
     * A lead who signed a Part 2 consent and an email opt-in on an intake kiosk (one event, two entries at one
     * position), then asked the front desk to stop the emails (entered through the API, with no evidence).
     */
    private LeadId recordConsents(String userId, String messagePrefix) throws Exception {
        Map<String, Object> part2 = new LinkedHashMap<>();
        part2.put("granted", true);
        part2.put("recipient", "Harbor Recovery");
        part2.put("text", PART2_TEXT);
        part2.put("version", "part2-v1");
        part2.put("method", "e_signature");
        part2.put("page", INTAKE_PAGE);
        part2.put("expiresAt", "2026-12-01T09:00:00Z");
        part2.put("part2", Map.of("patientName", PART2.patientName(), "discloser", PART2.discloser(),
                "information", PART2.information(), "purpose", PART2.purpose(), "revocable", true,
                "redisclosureStatement", true));
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("part2_written_consent", part2);
        consent.put("email_marketing", Map.of("granted", true, "text", "Email me about the Opioid Treatment "
                + "Program's family sessions.", "method", "web_form", "page", INTAKE_PAGE));
        Event identify = new Identify(new EventHeader(new MessageId(messagePrefix + "-1"), userId, null, T0, T0,
                Attributes.of(Map.of("ip", KIOSK_IP, "userAgent", KIOSK_AGENT))), Attributes.of(Map.of("email",
                userId + "@example.org", "consent", consent)));
        EventIntake.Admission admission = store.writer().submit(workspace, List.of(Events.incoming(identify)));
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LeadId lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId))
                .orElseThrow().id();
        ConsentRecord stop = new ConsentRecord(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), false,
                Optional.of(new Disclosure("Asked by phone to stop the Opioid Treatment Program emails",
                        Optional.empty())), ConsentSource.API, Optional.of(CaptureMethod.VERBAL), T0.plusSeconds(30),
                Optional.empty(), Optional.empty(), new Actor.User("front-desk-2"), T0.plusSeconds(30), Evidence.NONE);
        store.writer().submit(workspace, lead, stop).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return lead;
    }

    /** Every non-empty sealed cell of the consent ledger, as plain JDBC reads it. */
    private List<String> rawConsentCells() {
        return testDatabase.database().jdbi().withHandle(handle -> {
            List<String> cells = new ArrayList<>();
            handle.createQuery("SELECT disclosure, page, ip, user_agent, part2 FROM consents").map((rs, ctx) -> {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    if (rs.getString(i) != null) {
                        row.add(rs.getString(i));
                    }
                }
                return row;
            }).forEach(cells::addAll);
            return cells;
        });
    }

    /** Replaces the sealed cells of a lead's event-carried consent with their plain text, as stored before sealing. */
    private void unsealConsent(LeadId lead, int ordinal) {
        testDatabase.database().jdbi().useHandle(handle -> {
            long position = handle.createQuery("SELECT position FROM consents WHERE workspace_id = ? AND lead_id = ? "
                            + "AND ordinal = ? AND message_id IS NOT NULL").bind(0, workspace.value())
                    .bind(1, lead.value()).bind(2, ordinal).mapTo(Long.class).one();
            for (SealedColumn column : SealedColumn.values()) {
                if (!column.table().equals("consents")) {
                    continue;
                }
                String where = " WHERE workspace_id = ? AND position = ? AND ordinal = ?";
                String sealed = handle.createQuery("SELECT " + column.column() + " FROM consents" + where)
                        .bind(0, workspace.value()).bind(1, position).bind(2, ordinal).mapTo(String.class).one();
                String plain = store.cipher().open(sealed, CellAddress.consent(column, workspace.value(), position,
                        ordinal));
                assertThat(plain).doesNotStartWith("enc1:");
                handle.createUpdate("UPDATE consents SET " + column.column() + " = ?" + where).bind(0, plain)
                        .bind(1, workspace.value()).bind(2, position).bind(3, ordinal).execute();
            }
        });
    }

    private void assertConsentSealedUnder(String keyId, String stored) {
        assertThat(stored).startsWith("enc1:" + keyId + ":");
        CONSENT_PHI.forEach(value -> assertThat(stored).doesNotContain(value));
    }

    private List<String> rawActions() {
        return testDatabase.database().jdbi().withHandle(handle -> handle.createQuery("SELECT action FROM lead_actions")
                .mapTo(String.class).list());
    }

    private void assertSealedUnderK1(String stored) {
        assertThat(stored).startsWith("enc1:k1:");
        PHI.forEach(value -> assertThat(stored).doesNotContain(value));
    }

    /**
     * An intake with health and substance-use traits that qualifies, handed off to an intake team with a BAA that
     * receives those traits.
     */
    private LeadId qualifyWithHealthTraits(String userId) throws Exception {
        store.destinations().save(workspace, new Destination(new DestinationId("intake"), "Intake team",
                URI.create("https://intake.example.org/hooks"), Set.of(HandOffType.LEAD_MQL), Set.of(Segment.CONSUMER),
                Set.of(), Set.of("email", "diagnosis", "substanceUse"), Optional.empty(), 2, 3, true,
                EgressDeclaration.of(DestinationKind.INTAKE).withBaa()),
                List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), T0);
        EventIntake.Admission admission = store.writer().submit(workspace, Stream.of(
                Events.identify(userId + "-q1", userId, null, Map.of("email", userId + "@northside-mail.net", "state", "CA",
                        "age", 40, "insurance", "Aetna", "diagnosis", "bipolar II disorder",
                        "substanceUse", "opioid use disorder"), T0),
                Events.track(userId + "-q2", userId, null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track(userId + "-q3", userId, null, "Intake Started", T0.plusSeconds(120)),
                Events.track(userId + "-q4", userId, null, "Appointment Booked", T0.plusSeconds(180)))
                .map(Events::incoming).toList());
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId))
                .orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead.id();
    }

    private List<String> rawHandOffs() {
        return testDatabase.database().jdbi().withHandle(handle -> handle.createQuery("SELECT data FROM outbox")
                .mapTo(String.class).list());
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
