package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.audit.AuditSubject;
import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.Channel;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Part2Elements;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Track;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.SealedColumn;
import io.attune.store.db.Database;
import io.attune.store.ingest.JdbcLeadBook;
import io.attune.store.ingest.WriterCache;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consent ledger through the real writer, reader and rebuild, run against every engine by the subclasses. */
abstract class ConsentsContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final String NORTHSIDE = "Northside Behavioral Health";
    /** Verbatim, with the typography and spacing of the form it came from. */
    static final String PEWC_TEXT = "By tapping “Text me”, I agree that Northside Behavioral Health may send me "
            + "marketing texts and calls  using automated technology at the number I gave.\nConsent is not a condition "
            + "of purchase. Msg & data rates may apply. Reply STOP to opt out.";
    static final Optional<Recipient> NAMED = Optional.of(new Recipient(NORTHSIDE));

    private TestDatabase testDatabase;
    private Database reopened;
    Store store;
    WorkspaceId workspace;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void openStore() {
        testDatabase = TestDatabase.create(engine());
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        workspace = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0).workspace().id();
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        if (reopened != null) {
            reopened.close();
        }
        testDatabase.close();
    }

    private static Map<String, Object> pewc() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("granted", true);
        entry.put("channel", "sms");
        entry.put("recipient", NORTHSIDE);
        entry.put("text", PEWC_TEXT);
        entry.put("version", "sms-optin-2026-09");
        entry.put("method", "web_form");
        entry.put("page", "https://northside.example/get-started");
        return entry;
    }

    private static EventHeader header(String messageId, String userId, Instant at) {
        return new EventHeader(new MessageId(messageId), userId, null, at, at, Attributes.of(Map.of(
                "ip", "198.51.100.23", "userAgent", "Mozilla/5.0 (iPhone)")));
    }

    static Event identify(String messageId, String userId, Map<String, ?> traits, Instant at) {
        return new Identify(header(messageId, userId, at), Attributes.of(traits));
    }

    static Event track(String messageId, String userId, String name, Map<String, ?> properties, Instant at) {
        return new Track(header(messageId, userId, at), name, Attributes.of(properties));
    }

    List<Recorded> record(Event... events) throws Exception {
        List<IncomingEvent> incoming = java.util.Arrays.stream(events).map(Events::incoming).toList();
        EventIntake.Admission admission = store.writer().submit(workspace, incoming);
        return ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    LeadId lead(String userId) {
        return store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId)).orElseThrow().id();
    }

    ConsentLedger ledger(String userId) {
        return store.consents().ledger(workspace, lead(userId));
    }

    @Test
    void a_consent_in_identify_traits_is_stored_with_its_verbatim_text_and_evidence() throws Exception {
        record(identify("m1", "user-1", Map.of("email", "pat@example.com", "consent", Map.of("tcpa_pewc", pewc())), T0));

        assertThat(ledger("user-1").history()).containsExactly(new ConsentRecord(Purpose.TCPA_PEWC,
                Optional.of(Channel.SMS), NAMED, true, Optional.of(new Disclosure(PEWC_TEXT,
                Optional.of("sms-optin-2026-09"))), ConsentSource.IDENTIFY, Optional.of(CaptureMethod.WEB_FORM), T0,
                Optional.empty(), Optional.of(new MessageId("m1")), ConsentRecord.INGESTION, T0,
                new Evidence(Optional.of("https://northside.example/get-started"), Optional.of("198.51.100.23"),
                        Optional.of("Mozilla/5.0 (iPhone)"))));
        assertThat(ledger("user-1").holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), NAMED, T0)).isTrue();
        assertThat(store.queries().lead(workspace, lead("user-1")).orElseThrow().traits().attributes().has("consent"))
                .as("consents are kept in the ledger, not as a trait").isFalse();
    }

    @Test
    void a_consent_updated_event_is_stored_and_a_retried_message_records_once() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(pewc());
        properties.put("purpose", "tcpa_pewc");
        properties.put("expiresAt", "2027-10-01T09:00:00Z");
        Event updated = track("m1", "user-1", "Consent Updated", properties, T0);

        List<Recorded> first = record(updated, updated);
        List<Recorded> retried = record(updated);

        assertThat(first).extracting(Object::getClass).containsExactly(Recorded.Accepted.class, Recorded.Duplicate.class);
        assertThat(retried).singleElement().isInstanceOf(Recorded.Duplicate.class);
        assertThat(ledger("user-1").history()).singleElement().satisfies(record -> {
            assertThat(record.source()).isEqualTo(ConsentSource.TRACK);
            assertThat(record.disclosure().orElseThrow().text()).isEqualTo(PEWC_TEXT);
            assertThat(record.expiresAt()).contains(Instant.parse("2027-10-01T09:00:00Z"));
        });
    }

    @Test
    void every_consent_change_is_audited_once_in_its_transaction_without_the_disclosure() throws Exception {
        Event granted = identify("m1", "user-1", Map.of("consent", Map.of("tcpa_pewc", pewc())), T0);
        record(granted, track("m2", "user-1", "SMS Received", Map.of("body", "STOP"), T0.plusSeconds(60)));
        record(granted);
        store.rebuild().rebuild(workspace);

        List<AuditEntry> entries = store.audit().entries(workspace, new AuditFilter(
                Optional.of(AuditAction.CONSENT_CHANGED), Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), 100).items();

        assertThat(entries).extracting(entry -> entry.details().get("granted"), entry -> entry.details().get("source"),
                entry -> entry.details().get("recipient")).containsExactly(
                tuple(List.of("true"), List.of("identify"), List.of(NORTHSIDE)),
                tuple(List.of("false"), List.of("inbound_sms"), List.of()));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.subject()).contains(AuditSubject.lead(lead("user-1")));
            assertThat(entry.details().toString()).doesNotContain("Msg & data rates", "STOP", "198.51.100.23");
        });
        assertThat(store.audit().verify(workspace, List.of()).intact()).isTrue();
    }

    @Test
    void a_stop_keyword_in_an_inbound_text_revokes_tcpa_consent_in_the_transaction_of_the_message() throws Exception {
        record(identify("m1", "user-1", Map.of("consent", Map.of("tcpa_pewc", pewc())), T0),
                track("m2", "user-1", "SMS Received", Map.of("body", "I can't stop crying, can we talk today?"),
                        T0.plusSeconds(60)));
        assertThat(ledger("user-1").holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), NAMED, T0.plusSeconds(60)))
                .as("an ordinary message revokes nothing").isTrue();

        record(track("m3", "user-1", "SMS Received", Map.of("body", "STOP"), T0.plusSeconds(120)));

        ConsentLedger ledger = ledger("user-1");
        assertThat(ledger.holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), NAMED, T0.plusSeconds(120))).isFalse();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, Optional.of(Channel.VOICE), NAMED, T0.plusSeconds(120))).isFalse();
        assertThat(ledger.history()).last().satisfies(revocation -> {
            assertThat(revocation.source()).isEqualTo(ConsentSource.INBOUND_SMS);
            assertThat(revocation.disclosure().orElseThrow().text()).isEqualTo("STOP");
            assertThat(revocation.message()).contains(new MessageId("m3"));
        });
    }

    @Test
    void a_change_entered_through_the_api_goes_through_the_writer_to_the_surviving_lead() throws Exception {
        record(identify("m1", "user-1", Map.of("email", "pat@example.com"), T0));
        LeadId lead = lead("user-1");
        ConsentRecord revoke = apiRevocation(T0.plusSeconds(30));

        ConsentOutcome outcome = store.writer().submit(workspace, lead, revoke).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ConsentOutcome unknown = store.writer().submit(workspace, new LeadId("ld_" + "0".repeat(24)), revoke)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(new ConsentOutcome.Recorded(lead, revoke));
        assertThat(unknown).isEqualTo(new ConsentOutcome.UnknownLead());
        assertThat(store.consents().ledger(workspace, lead).history()).containsExactly(revoke);
        WorkspaceId other = store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id();
        assertThat(store.consents().ledger(other, lead).history()).isEmpty();
    }

    @Test
    void a_part_2_grant_keeps_its_elements_through_a_restart_and_a_grant_without_them_stays_without() throws Exception {
        Map<String, Object> part2 = new LinkedHashMap<>(shareWith("Harbor Recovery"));
        part2.put("expiresAt", "2026-12-01T09:00:00Z");
        part2.put("part2", Map.of("patientName", "Jordan Avery", "discloser", "Northside Behavioral Health",
                "information", "SUD diagnosis and outpatient treatment dates", "purpose", "Arranging admission",
                "revocable", true, "redisclosureStatement", true));
        record(identify("m1", "user-1", Map.of("consent", Map.of("part2_written_consent", part2)), T0));
        LeadId lead = lead("user-1");
        ConsentRecord legacy = new ConsentRecord(Purpose.PART2_WRITTEN_CONSENT, Optional.empty(),
                Optional.of(new Recipient("Valley Clinic")), true, Optional.of(new Disclosure("I consent.",
                Optional.empty())), ConsentSource.API, Optional.of(CaptureMethod.WRITTEN), T0.plusSeconds(10),
                Optional.of(T0.plusSeconds(86_400)), Optional.empty(), new Actor.User("front-desk-2"),
                T0.plusSeconds(10), Evidence.NONE);
        store.writer().submit(workspace, lead, legacy).toCompletableFuture().get(30, TimeUnit.SECONDS);

        reopen();

        assertThat(ledger("user-1").history()).extracting(ConsentRecord::part2).containsExactly(
                Optional.of(new Part2Elements("Jordan Avery", "Northside Behavioral Health",
                        "SUD diagnosis and outpatient treatment dates", "Arranging admission", true, true)),
                Optional.empty());
    }

    @Test
    void the_ledger_survives_a_restart_and_later_entries_never_collide_with_earlier_ones() throws Exception {
        record(identify("m1", "user-1", Map.of("consent", Map.of("tcpa_pewc", pewc())), T0));
        store.writer().submit(workspace, lead("user-1"), apiRevocation(T0.plusSeconds(30))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        List<ConsentRecord> before = ledger("user-1").history();

        reopen();
        assertThat(ledger("user-1").history()).isEqualTo(before);
        record(identify("m2", "user-1", Map.of("consent", Map.of("tcpa_pewc", pewc())), T0.plusSeconds(60)));

        assertThat(ledger("user-1").history()).hasSize(3);
        assertThat(ledger("user-1").holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), NAMED, T0.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void a_rebuild_rederives_the_consents_events_carried_keeps_those_entered_and_leaves_the_same_ledger()
            throws Exception {
        record(new Identify(new EventHeader(new MessageId("m1"), null, "anon-1", T0, T0, Attributes.EMPTY),
                        Attributes.of(Map.of("consent", Map.of("email_marketing", Map.of("granted", true,
                                "text", "Email me news.", "method", "web_form"))))),
                identify("m2", "user-1", Map.of("email", "pat@example.com", "consent", inOrder("tcpa_pewc", pewc(),
                        "share_chd", List.of(shareWith("Valley Clinic"), shareWith("Harbor Counseling")))),
                        T0.plusSeconds(10)),
                track("m3", "user-1", "Email Received", Map.of("subject", "Re: October news", "body",
                        "unsubscribe\n\nOn Tue, Oct 1, 2026 Northside wrote:\n> Unsubscribe here"), T0.plusSeconds(20)));
        store.writer().submit(workspace, lead("user-1"), apiRevocation(T0.plusSeconds(30))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        // joins the anonymous lead (and its email consent) into user-1's
        record(new Track(new EventHeader(new MessageId("m4"), "user-1", "anon-1", T0.plusSeconds(40),
                T0.plusSeconds(40), Attributes.EMPTY), "Demo Requested", Attributes.EMPTY));
        List<String> rows = consentRows();
        ConsentLedger ledger = ledger("user-1");
        assertThat(ledger.history()).extracting(ConsentRecord::purpose).containsExactly(Purpose.EMAIL_MARKETING,
                Purpose.TCPA_PEWC, Purpose.SHARE_CHD, Purpose.SHARE_CHD, Purpose.TCPA_PEWC, Purpose.EMAIL_MARKETING,
                Purpose.EMAIL_MARKETING);
        assertThat(ledger.holds(Purpose.SHARE_CHD, Optional.empty(), Optional.of(new Recipient("Harbor Counseling")),
                T0.plusSeconds(60))).isTrue();
        assertThat(ledger.holds(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), T0.plusSeconds(60)))
                .isFalse();

        store.rebuild().rebuild(workspace);

        assertThat(consentRows()).isEqualTo(rows);
        assertThat(ledger("user-1").history()).isEqualTo(ledger.history());
        assertThat(ledger("user-1").states(T0.plusSeconds(60))).isEqualTo(ledger.states(T0.plusSeconds(60)));
    }

    @Test
    void a_unit_of_work_reads_the_consents_stored_before_it_and_those_it_wrote() throws Exception {
        record(identify("m1", "user-1", Map.of("consent", inOrder("tcpa_pewc", pewc(), "email_marketing",
                Map.of("granted", true, "text", "Email me news.", "method", "web_form"))), T0));
        try (Connection connection = store.database().connection()) {
            connection.setAutoCommit(false);
            JdbcLeadBook book = new JdbcLeadBook(connection, workspace, new WriterCache(100), store.models(),
                    store.cipher(), new AtomicLong(1_000_000)::incrementAndGet, true);
            RecordEvent recorder = new RecordEvent(workspace, store.models().catalog(workspace), book,
                    new LeadScoring());
            Recorded.Accepted stop = (Recorded.Accepted) recorder.record(track("m2", "user-1", "SMS Received",
                    Map.of("body", "stop texting me"), T0.plusSeconds(60)));

            ConsentLedger seen = book.consents(stop.lead());

            assertThat(seen.history()).extracting(ConsentRecord::purpose, ConsentRecord::granted).containsExactly(
                    tuple(Purpose.TCPA_PEWC, true), tuple(Purpose.EMAIL_MARKETING, true),
                    tuple(Purpose.TCPA_PEWC, false));
            assertThat(seen.holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), NAMED, T0.plusSeconds(60))).isFalse();
            assertThat(seen.holds(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), T0.plusSeconds(60)))
                    .isTrue();
            connection.rollback();
            book.close();
        }
        assertThat(ledger("user-1").history()).as("rolled back").hasSize(2);
    }

    /** Purposes in the order a sender's JSON would list them: entries of one message are recorded in that order. */
    private static Map<String, Object> inOrder(String first, Object firstValue, String second, Object secondValue) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put(first, firstValue);
        ordered.put(second, secondValue);
        return ordered;
    }

    private static Map<String, Object> shareWith(String recipient) {
        return Map.of("granted", true, "recipient", recipient, "text", "I agree that Northside may share my intake "
                + "answers with " + recipient + " to arrange my care.", "method", "e_signature", "version", "share-v1");
    }

    private static ConsentRecord apiRevocation(Instant at) {
        return new ConsentRecord(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), false,
                Optional.of(new Disclosure("Asked the front desk by phone to stop all emails", Optional.empty())),
                ConsentSource.API, Optional.of(CaptureMethod.VERBAL), at, Optional.empty(), Optional.empty(),
                new Actor.User("front-desk-2"), at, Evidence.NONE);
    }

    /** Every consent row of the workspace as text, in log order, its sealed cells opened (each seal is new). */
    private List<String> consentRows() {
        return store.database().jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM consents "
                        + "WHERE workspace_id = ? ORDER BY position, ordinal").bind(0, workspace.value())
                .map((rs, ctx) -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(opened(rs, rs.getMetaData().getColumnLabel(i), rs.getString(i))));
                    }
                    return String.join("|", cells);
                }).list());
    }

    private String opened(ResultSet row, String label, String stored) throws SQLException {
        for (SealedColumn column : SealedColumn.values()) {
            if (column.table().equals("consents") && column.column().equalsIgnoreCase(label) && stored != null) {
                return store.cipher().open(stored, CellAddress.consent(column, workspace.value(),
                        row.getLong("position"), row.getLong("ordinal")));
            }
        }
        return stored;
    }

    /** Stops the store and opens the database again, as a restarted server would. */
    private void reopen() {
        store.writer().close();
        reopened = Database.open(testDatabase.location());
        store = Store.over(reopened, WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
    }
}
