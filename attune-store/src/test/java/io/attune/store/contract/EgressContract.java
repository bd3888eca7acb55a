package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.EgressQuery;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRecord.Outcome;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.Redaction;
import io.attune.core.egress.Remuneration;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.PrivacyKeys;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.privacy.JdbcPrivacyKeys;
import io.attune.store.testing.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The egress side of the store on every engine: destinations keep what they declare (and ones made
 * before the declaration existed read as a CRM without a BAA), every decision is kept and listed,
 * a blocked message is final, and each workspace has privacy keys of its own that never change.
 */
abstract class EgressContract {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final String SECRET = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0";

    private TestDatabase testDatabase;
    private Store store;
    private WorkspaceId workspace;

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
        testDatabase.close();
    }

    @Test
    void a_destination_keeps_its_kind_agreements_and_remuneration() {
        EgressDeclaration partner = new EgressDeclaration(DestinationKind.REFERRAL_PARTNER, true, true,
                Remuneration.PER_ADMISSION);
        store.destinations().save(workspace, destination("hillside", partner), List.of(SECRET), T0);

        assertThat(store.destinations().configured(workspace, new DestinationId("hillside")).orElseThrow()
                .destination().egress()).isEqualTo(partner);
        assertThat(store.destinations().destinations(workspace)).singleElement()
                .satisfies(read -> assertThat(read.egress()).isEqualTo(partner));

        store.destinations().save(workspace, destination("hillside", EgressDeclaration.of(DestinationKind.ANALYTICS)),
                List.of(SECRET), T0);
        assertThat(store.destinations().destinations(workspace).get(0).egress())
                .isEqualTo(EgressDeclaration.of(DestinationKind.ANALYTICS));
    }

    @Test
    void a_destination_that_declared_nothing_reads_as_a_crm_without_a_baa() {
        store.database().jdbi().useHandle(handle -> handle.execute("INSERT INTO destinations (workspace_id, "
                + "destination_id, name, url, types, segments, states, fields, secrets, max_concurrency, "
                + "max_attempts, enabled, created_at) VALUES (?, 'legacy', 'Legacy CRM', 'https://crm.example.org/', "
                + "'lead.mql', '', '', 'email', ?, 4, 20, 1, 0)", workspace.value(), SECRET));

        assertThat(store.destinations().destinations(workspace)).singleElement().satisfies(legacy ->
                assertThat(legacy.egress()).isEqualTo(EgressDeclaration.of(DestinationKind.CRM)));
    }

    @Test
    void every_decision_is_kept_with_its_rules_and_redacted_field_names_and_listed_in_order() {
        store.egress().record(decision("msg_a", "crm", 1, T0, Outcome.SENT, Set.of(), List.of(), Optional.empty()));
        Redaction email = new Redaction("email", DataClass.CONTACT, Redaction.Treatment.REMOVED,
                Set.of(EgressRule.TRK_05));
        Redaction lead = new Redaction("handoff.lead", DataClass.IDENTIFIER, Redaction.Treatment.PSEUDONYMISED,
                Set.of(EgressRule.TRK_05));
        store.egress().record(decision("msg_b", "ga4", 1, T0.plusSeconds(1), Outcome.REDACTED,
                Set.of(EgressRule.TRK_05), List.of(email, lead), Optional.empty()));
        store.egress().record(decision("msg_c", "partner", 1, T0.plusSeconds(2), Outcome.BLOCKED,
                Set.of(EgressRule.USE_04, EgressRule.SUD_04), List.of(),
                Optional.of("a lead with substance-use data never goes to a destination paid per lead (SUD-04)")));
        store.egress().record(decision("msg_b", "ga4", 2, T0.plusSeconds(3), Outcome.BLOCKED,
                Set.of(EgressRule.USE_02), List.of(), Optional.of("no consent to share (USE-02)")));

        List<EgressRecord> ofB = store.egress().ofMessage(workspace, "msg_b");
        assertThat(ofB).extracting(EgressRecord::attempt).containsExactly(1, 2);
        assertThat(ofB.get(0).redactions()).containsExactly(email, lead);
        assertThat(ofB.get(0).ruleIds()).containsExactly("TRK-05");
        assertThat(ofB.get(0).at()).isEqualTo(T0.plusSeconds(1));
        assertThat(ofB.get(1).reason()).contains("no consent to share (USE-02)");

        assertThat(ids(EgressQuery.ALL)).containsExactly("msg_a", "msg_b", "msg_c", "msg_b");
        assertThat(ids(new EgressQuery(Optional.of(new DestinationId("ga4")), Optional.empty(), Optional.empty())))
                .containsExactly("msg_b", "msg_b");
        assertThat(ids(new EgressQuery(Optional.empty(), Optional.of(Outcome.BLOCKED), Optional.empty())))
                .containsExactly("msg_c", "msg_b");
        assertThat(ids(new EgressQuery(Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(2)))))
                .containsExactly("msg_c", "msg_b");
        assertThat(store.egress().decisions(store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id(),
                EgressQuery.ALL, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void the_texts_let_out_to_a_lead_are_counted_once_per_message_from_their_first_release() {
        store.destinations().save(workspace, destination("texts", new EgressDeclaration(DestinationKind.SMS, true,
                false, Remuneration.NONE)), List.of(SECRET), T0);
        store.destinations().save(workspace, destination("crm", new EgressDeclaration(DestinationKind.CRM, true,
                false, Remuneration.NONE)), List.of(SECRET), T0);
        Set<EgressRule> held = Set.of(EgressRule.TCPA_02);
        store.egress().record(decision("msg_night", "texts", 1, T0, Outcome.HELD, held, List.of(),
                Optional.of("outside 08:00-20:00")));
        store.egress().record(decision("msg_night", "texts", 1, T0.plusSeconds(3600), Outcome.SENT, Set.of(),
                List.of(), Optional.empty()));
        store.egress().record(decision("msg_night", "texts", 2, T0.plusSeconds(3700), Outcome.SENT, Set.of(),
                List.of(), Optional.empty()));
        store.egress().record(decision("msg_old", "texts", 1, T0.minus(Duration.ofDays(2)), Outcome.SENT, Set.of(),
                List.of(), Optional.empty()));
        store.egress().record(decision("msg_crm", "crm", 1, T0.plusSeconds(60), Outcome.SENT, Set.of(), List.of(),
                Optional.empty()));
        store.egress().record(decision("msg_now", "texts", 1, T0.plusSeconds(7200), Outcome.SENT, Set.of(), List.of(),
                Optional.empty()));

        assertThat(store.egress().firstReleases(workspace, "ld_0123456789abcdef01234567", DestinationKind.SMS,
                T0.minus(Duration.ofDays(1)), "msg_now")).as("a retry is the same text; a hold is no text")
                .containsExactly(T0.plusSeconds(3600));
        assertThat(store.egress().firstReleases(workspace, "ld_0123456789abcdef01234567", DestinationKind.SMS,
                T0.minus(Duration.ofDays(1)), "msg_other")).containsExactly(T0.plusSeconds(3600),
                T0.plusSeconds(7200));
    }

    @Test
    void decisions_are_paged_by_an_opaque_cursor_and_a_foreign_cursor_is_refused() {
        for (int i = 0; i < 5; i++) {
            store.egress().record(decision("msg_" + i, "crm", 1, T0.plusSeconds(i), Outcome.SENT, Set.of(), List.of(),
                    Optional.empty()));
        }

        Page<EgressRecord> first = store.egress().decisions(workspace, EgressQuery.ALL, Optional.empty(), 2);
        Page<EgressRecord> second = store.egress().decisions(workspace, EgressQuery.ALL, first.next(), 2);
        Page<EgressRecord> last = store.egress().decisions(workspace, EgressQuery.ALL, second.next(), 2);

        assertThat(first.items()).extracting(EgressRecord::messageId).containsExactly("msg_0", "msg_1");
        assertThat(second.items()).extracting(EgressRecord::messageId).containsExactly("msg_2", "msg_3");
        assertThat(last.items()).extracting(EgressRecord::messageId).containsExactly("msg_4");
        assertThat(last.next()).isEmpty();
        assertThatThrownBy(() -> store.egress().decisions(workspace, EgressQuery.ALL, Optional.of("bm90LW91cnM"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_blocked_message_is_final_never_due_dead_lettered_or_replayable_and_no_longer_holds_up_the_lead()
            throws Exception {
        store.destinations().save(workspace, destination("intake", EgressDeclaration.of(DestinationKind.INTAKE)),
                List.of(SECRET), T0);
        record(Events.identify("m1", "user-7", null, Map.of("email", "lee.morgan@gmail.com", "state", "CA", "age", 40),
                        T0),
                Events.track("m2", "user-7", null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track("m3", "user-7", null, "Intake Started", T0.plusSeconds(120)),
                Events.track("m4", "user-7", null, "Appointment Booked", T0.plusSeconds(180)));
        Instant now = T0.plusSeconds(3600);
        PendingDelivery mql = store.outbox().due(now, 10).get(0);
        assertThat(store.outbox().claim(mql, now, now.plusSeconds(60))).isTrue();

        assertThat(store.outbox().block(new PendingDelivery(workspace, mql.message(), mql.attempts() + 1,
                mql.maxAttempts()), "stale")).as("only as read").isFalse();
        assertThat(store.outbox().block(mql, "a consumer lead is PHI and the destination has no BAA (TRK-02)"))
                .isTrue();

        String id = mql.message().id();
        assertThat(store.outbox().status(workspace, id)).contains("blocked");
        assertThat(store.outbox().due(now.plusSeconds(86_400), 10)).isEmpty();
        assertThat(store.outbox().deadLetters(workspace, 10)).isEmpty();
        assertThat(store.outbox().replay(workspace, id, now)).isFalse();
        assertThat(store.outbox().claim(mql, now.plusSeconds(120), now.plusSeconds(180))).isFalse();
        assertThat(store.outbox().block(mql, "again")).isFalse();
    }

    @Test
    void each_workspace_has_keys_of_its_own_made_once_and_kept() {
        WorkspaceId other = store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id();

        PrivacyKeys.Keys keys = store.privacyKeys().of(workspace);
        PrivacyKeys.Keys again = new JdbcPrivacyKeys(store.database(), Clock.systemUTC()).of(workspace);
        PrivacyKeys.Keys others = store.privacyKeys().of(other);

        assertThat(again.contentGroups().hex("/anxiety", 24)).isEqualTo(keys.contentGroups().hex("/anxiety", 24));
        assertThat(again.pseudonyms().hex("u-1", 24)).isEqualTo(keys.pseudonyms().hex("u-1", 24));
        assertThat(keys.pseudonyms().hex("u-1", 24)).isNotEqualTo(keys.contentGroups().hex("u-1", 24));
        assertThat(others.contentGroups().hex("/anxiety", 24)).isNotEqualTo(keys.contentGroups().hex("/anxiety", 24));
        String stored = store.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT content_group_key FROM privacy_keys WHERE workspace_id = ?")
                .bind(0, workspace.value()).mapTo(String.class).one());
        assertThat(keys.toString()).doesNotContain(stored);
    }

    private List<String> ids(EgressQuery query) {
        return store.egress().decisions(workspace, query, Optional.empty(), 50).items().stream()
                .map(EgressRecord::messageId).toList();
    }

    private EgressRecord decision(String message, String destination, int attempt, Instant at, Outcome outcome,
            Set<EgressRule> rules, List<Redaction> redactions, Optional<String> reason) {
        return new EgressRecord(workspace, message, new DestinationId(destination), "ld_0123456789abcdef01234567",
                HandOffType.LEAD_MQL, attempt, at, outcome, rules, redactions, reason);
    }

    private static Destination destination(String id, EgressDeclaration egress) {
        return new Destination(new DestinationId(id), "Team " + id, URI.create("https://hooks.example.org/" + id),
                Set.of(HandOffType.LEAD_MQL), Set.of(Segment.CONSUMER), Set.of(), Set.of("email"), Optional.empty(), 2,
                3, true, egress);
    }

    private void record(io.attune.core.event.Event... events) throws Exception {
        List<IncomingEvent> incoming = Arrays.stream(events).map(Events::incoming).toList();
        EventIntake.Admission admission = store.writer().submit(workspace, incoming);
        assertThat(admission).isInstanceOf(EventIntake.Admitted.class);
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
