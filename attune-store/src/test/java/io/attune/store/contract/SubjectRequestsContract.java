package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.Remuneration;
import io.attune.core.erasure.Erasure;
import io.attune.core.erasure.ErasureRequest;
import io.attune.core.erasure.SubjectRecords;
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
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.Segment;
import io.attune.core.query.Page;
import io.attune.core.rights.Deadline;
import io.attune.core.rights.Delivery;
import io.attune.core.rights.Extension;
import io.attune.core.rights.PrivacyLaw;
import io.attune.core.rights.RequestChange;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.RightsRequest;
import io.attune.core.rights.Settlement;
import io.attune.core.rights.StatutoryDeadlines;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
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
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data-subject requests on every engine: the export holds what is kept about the person, and an
 * erasure removes it in one transaction — merged-away leads included — leaves a tombstone, asks the
 * destinations that received the person to delete them (and only those), and leaves the audit chain
 * intact.
 */
abstract class SubjectRequestsContract {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant ERASED = T0.plusSeconds(86_400);
    private static final Instant CONFIRMED = ERASED.plus(Duration.ofDays(3));
    private static final DestinationId INTAKE = new DestinationId("intake");
    private static final Jurisdiction CALIFORNIA = new Jurisdiction(Set.of("CA"), true, List.of("state"));
    private static final String SECRET = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0";
    private static final String EMAIL = "lee.morgan@gmail.com";
    private static final List<String> LEAD_TABLES = List.of("events", "identities", "leads", "consents", "transitions",
            "lead_actions", "sla_timers", "outcomes", "pool_assignments");

    private TestDatabase testDatabase;
    private Store store;
    private WorkspaceId workspace;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void openStore() {
        testDatabase = TestDatabase.create(engine());
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        workspace = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0).workspace().id();
        store.destinations().save(workspace, destination("intake", Set.of(HandOffType.LEAD_MQL)), List.of(SECRET), T0);
        store.destinations().save(workspace, destination("billing", Set.of(HandOffType.LEAD_CUSTOMER)),
                List.of(SECRET), T0);
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        testDatabase.close();
    }

    /** An anonymous visitor who later identifies (two leads merged into one) and becomes an MQL. */
    private LeadId mqlWithAMergedVisit() throws Exception {
        record(Events.page("m0", "anon-9", "/pricing", T0),
                Events.identify("m1", "user-7", null, Map.of("email", EMAIL, "state", "CA", "age", 40,
                        "consent", Map.of("email_marketing", Map.of("granted", true, "text", "Send me news",
                                "method", "web_form"))), T0.plusSeconds(10)),
                Events.identify("m2", "user-7", "anon-9", Map.of(), T0.plusSeconds(20)),
                Events.track("m3", "user-7", null, "Insurance Check Completed", T0.plusSeconds(60)),
                Events.track("m4", "user-7", null, "Intake Started", T0.plusSeconds(120)),
                Events.track("m5", "user-7", null, "Appointment Booked", T0.plusSeconds(180)));
        return store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7")).orElseThrow()
                .id();
    }

    @Test
    void the_export_holds_the_events_consents_transitions_and_hand_offs_of_the_person_and_merged_visits()
            throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        List<String> merged = rows("SELECT from_lead FROM lead_merges WHERE workspace_id = ?", workspace.value());
        assertThat(merged).as("the anonymous visit was merged into the lead").hasSize(1);

        SubjectRecords.Export export = store.subjectExport().export(workspace, new LeadId(merged.get(0)), ERASED)
                .orElseThrow();
        JsonNode json = new ObjectMapper().readTree(export.json());

        assertThat(export.lead()).isEqualTo(lead);
        assertThat(json.get("mergedFrom").asText()).isEqualTo(merged.get(0));
        assertThat(json.get("state").get("traits").get("email").asText()).isEqualTo(EMAIL);
        assertThat(json.get("state").get("stage").asText()).isEqualTo("mql");
        assertThat(json.get("events")).extracting(event -> event.get("messageId").asText())
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
        assertThat(json.get("events").get(3).get("event").get("event").asText()).isEqualTo("Insurance Check Completed");
        assertThat(json.get("consents")).singleElement().satisfies(consent -> {
            assertThat(consent.get("purpose").asText()).isEqualTo("email_marketing");
            assertThat(consent.get("disclosure").asText()).isEqualTo("Send me news");
        });
        assertThat(json.get("transitions")).extracting(move -> move.get("toStage").asText()).contains("mql");
        assertThat(json.get("identities")).extracting(identity -> identity.get("value").asText())
                .contains("user-7", "anon-9");
        assertThat(json.get("handOffs")).singleElement().satisfies(handOff -> {
            assertThat(handOff.get("destinationId").asText()).isEqualTo("intake");
            assertThat(handOff.get("status").asText()).isEqualTo("pending");
        });
        assertThat(store.subjectExport().export(workspace, new LeadId("ld_0123456789abcdef01234567"), ERASED)).isEmpty();
    }

    @Test
    void an_erasure_removes_every_row_about_the_person_and_asks_only_the_destination_that_received_them_to_delete()
            throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        String mergedAway = rows("SELECT from_lead FROM lead_merges WHERE workspace_id = ?", workspace.value()).get(0);
        PendingDelivery mql = store.outbox().due(T0.plusSeconds(3600), 10).get(0);
        store.egress().record(new EgressRecord(workspace, mql.message().id(), new DestinationId("intake"),
                lead.value(), HandOffType.LEAD_MQL, 1, T0.plusSeconds(3600), EgressRecord.Outcome.SENT, Set.of(),
                List.of(), Optional.empty()));

        Erasure erasure = erase(lead);

        assertThat(erasure).isInstanceOfSatisfying(Erasure.Erased.class, erased -> {
            assertThat(erased.leads()).containsExactlyInAnyOrder(lead, new LeadId(mergedAway));
            assertThat(erased.tombstone().erased()).containsEntry("events", 6).containsEntry("consents", 1)
                    .containsEntry("leads", 1).containsEntry("merges", 1).containsEntry("handOffs", 1);
            assertThat(erased.tombstone().notified()).containsExactly(new DestinationId("intake"));
        });
        for (String table : LEAD_TABLES) {
            assertThat(rows("SELECT lead_id FROM " + table + " WHERE workspace_id = ? AND lead_id IN (?, ?)",
                    workspace.value(), lead.value(), mergedAway)).as(table).isEmpty();
        }
        assertThat(rows("SELECT from_lead FROM lead_merges WHERE workspace_id = ?", workspace.value())).isEmpty();
        assertThat(rows("SELECT value FROM identities WHERE workspace_id = ?", workspace.value())).isEmpty();
        assertThat(rows("SELECT message_id FROM events WHERE workspace_id = ?", workspace.value())).isEmpty();
        assertThat(rows("SELECT message_id FROM delivery_attempts WHERE message_id = ?", mql.message().id())).isEmpty();
        assertThat(rows("SELECT destination_id || ' ' || type FROM outbox WHERE workspace_id = ?", workspace.value()))
                .as("a deletion request to the destination that received the MQL; nothing to one that never did")
                .containsExactly("intake lead.deleted");
        PendingDelivery notice = store.outbox().due(ERASED, 10).get(0);
        assertThat(notice.message().subject()).isEqualTo(lead.value());
        assertThat(notice.message().data().fields().asMap()).containsEntry("email", EMAIL);
        assertThat(notice.message().data().fields().has("state")).as("only identifiers").isFalse();
        assertThat(store.egress().ofMessage(workspace, mql.message().id())).as("the record of what flowed").hasSize(1);
        assertThat(store.audit().verify(workspace, List.of()).intact()).isTrue();
        assertThat(store.queries().lead(workspace, lead)).isEmpty();
        assertThat(store.subjectExport().tombstone(workspace, new LeadId(mergedAway))).hasValueSatisfying(tombstone ->
                assertThat(tombstone.erasedAt()).isEqualTo(ERASED));
    }

    @Test
    void a_retried_erasure_changes_nothing_and_a_returning_person_is_a_new_lead_under_a_new_id() throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        erase(lead);

        assertThat(erase(lead)).isInstanceOfSatisfying(Erasure.AlreadyErased.class, again ->
                assertThat(again.tombstone().erasedAt()).isEqualTo(ERASED));
        assertThat(erase(new LeadId("ld_0123456789abcdef01234567"))).isInstanceOf(Erasure.NotFound.class);

        record(Events.identify("m9", "user-7", null, Map.of("email", EMAIL), ERASED.plusSeconds(60)));
        LeadId returning = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7"))
                .orElseThrow().id();
        assertThat(returning).isNotEqualTo(lead);
        assertThat(store.queries().lead(workspace, returning).orElseThrow().events()).as("new data only").isEqualTo(1);
        assertThat(store.subjectExport().tombstone(workspace, lead)).isPresent();
        assertThat(store.audit().verify(workspace, List.of()).intact()).isTrue();
    }

    @Test
    void an_erasure_opens_a_deletion_request_whose_recipient_goes_from_queued_to_delivered_to_confirmed()
            throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        markSent(store.outbox().due(T0.plusSeconds(3600), 10).get(0), lead);

        erase(lead, StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, CALIFORNIA, ERASED));

        RightsRequest opened = store.rightsRequests().list(workspace, Optional.of(RequestStatus.OPEN), ERASED,
                Optional.empty(), 10).items().get(0);
        assertThat(opened.kind()).isEqualTo(RequestKind.DELETION);
        assertThat(opened.lead()).isEqualTo(lead);
        assertThat(opened.requestedBy()).isEqualTo("privacy-officer");
        assertThat(opened.deadline().law()).isEqualTo(PrivacyLaw.CALIFORNIA_CCPA);
        assertThat(opened.due()).isEqualTo(ERASED.plus(Duration.ofDays(45)));
        assertThat(opened.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.destination()).isEqualTo(INTAKE);
            assertThat(recipient.state()).isEqualTo("queued");
        });
        assertThat(rows("SELECT lead_id || requested_by || recorded_by || law FROM subject_requests")).singleElement()
                .satisfies(row -> assertThat(row).doesNotContain(EMAIL, "user-7"));

        PendingDelivery notice = store.outbox().due(ERASED, 10).get(0);
        store.outbox().attempted(new DeliveryAttempt(notice.message().id(), 1, ERASED, DeliveryAttempt.Outcome.DELIVERED,
                OptionalInt.of(200), 5, Optional.empty()), Optional.empty());
        assertThat(store.rightsRequests().find(workspace, opened.id()).orElseThrow().recipients().get(0).state())
                .isEqualTo("delivered");

        assertThat(store.rightsRequests().settle(workspace, opened.id(), new DestinationId("billing"), confirmed()))
                .isEqualTo(new RequestChange.NotARecipient(List.of(INTAKE)));
        RequestChange confirmation = store.rightsRequests().settle(workspace, opened.id(), INTAKE, confirmed());

        assertThat(confirmation).isInstanceOfSatisfying(RequestChange.Changed.class, changed -> {
            assertThat(changed.request().status(ERASED)).isEqualTo(RequestStatus.CLOSED);
            assertThat(changed.request().closed()).contains(CONFIRMED);
            assertThat(changed.request().recipients().get(0).state()).isEqualTo("confirmed");
            assertThat(changed.request().recipients().get(0).settlement()).contains(confirmed());
        });
        assertThat(store.rightsRequests().settle(workspace, opened.id(), INTAKE, confirmed()))
                .isInstanceOf(RequestChange.Refused.class);
        assertThat(store.rightsRequests().list(workspace, Optional.of(RequestStatus.OPEN), ERASED, Optional.empty(), 10)
                .items()).isEmpty();
        assertThat(rows("SELECT action FROM audit_log WHERE subject = ? ORDER BY seq", "subject_request:"
                + opened.id().value())).containsExactly("subject_request.opened", "subject_request.settled",
                        "subject_request.closed");
        erase(lead, StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, CALIFORNIA, ERASED));
        assertThat(rows("SELECT request_id FROM subject_requests")).as("a retried erasure opens no second request")
                .containsExactly(opened.id().value());
        assertThat(store.audit().verify(workspace, List.of()).intact()).isTrue();
    }

    @Test
    void a_dead_lettered_deletion_request_shows_as_such_and_a_waiver_closes_the_request() throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        markSent(store.outbox().due(T0.plusSeconds(3600), 10).get(0), lead);
        erase(lead);
        PendingDelivery notice = store.outbox().due(ERASED, 10).get(0);
        store.outbox().attempted(new DeliveryAttempt(notice.message().id(), 1, ERASED,
                DeliveryAttempt.Outcome.UNREACHABLE, OptionalInt.empty(), 5, Optional.of("connection refused")),
                Optional.empty());
        RightsRequest request = store.rightsRequests().list(workspace, Optional.empty(), ERASED, Optional.empty(), 10)
                .items().get(0);
        assertThat(request.recipients().get(0).state()).isEqualTo("dead_lettered");

        Settlement.Waived waiver = new Settlement.Waived(CONFIRMED, "key:key_admin", "the destination was retired");
        RequestChange waived = store.rightsRequests().settle(workspace, request.id(), INTAKE, waiver);

        assertThat(waived).isInstanceOfSatisfying(RequestChange.Changed.class, changed -> {
            assertThat(changed.request().closed()).contains(CONFIRMED);
            assertThat(changed.request().recipients().get(0).state()).isEqualTo("waived");
            assertThat(changed.request().recipients().get(0).delivery()).isEqualTo(Delivery.DEAD_LETTERED);
        });
        assertThat(rows("SELECT details FROM audit_log WHERE action = 'subject_request.settled'")).singleElement()
                .satisfies(details -> assertThat(details).contains("the destination was retired", "waived"));
    }

    @Test
    void an_open_request_is_overdue_once_the_clock_passes_its_due_date_and_one_extension_moves_it() throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        markSent(store.outbox().due(T0.plusSeconds(3600), 10).get(0), lead);
        erase(lead);
        Instant late = ERASED.plus(Duration.ofDays(46));
        RightsRequest request = store.rightsRequests().list(workspace, Optional.of(RequestStatus.OVERDUE), late,
                Optional.empty(), 10).items().get(0);
        assertThat(request.daysLeft(late)).isEqualTo(-1);

        Extension extension = new Extension(30, "the CRM vendor must restore a backup", ERASED.plus(Duration.ofDays(10)),
                "key:key_admin");
        assertThat(store.rightsRequests().extend(workspace, request.id(), extension))
                .isInstanceOfSatisfying(RequestChange.Changed.class, changed ->
                        assertThat(changed.request().due()).isEqualTo(ERASED.plus(Duration.ofDays(75))));

        assertThat(store.rightsRequests().list(workspace, Optional.of(RequestStatus.OPEN), late, Optional.empty(), 10)
                .items()).extracting(RightsRequest::id).containsExactly(request.id());
        assertThat(store.rightsRequests().list(workspace, Optional.of(RequestStatus.OVERDUE), late, Optional.empty(), 10)
                .items()).isEmpty();
        assertThat(store.rightsRequests().extend(workspace, request.id(), extension))
                .isInstanceOf(RequestChange.Refused.class);
        assertThat(rows("SELECT action FROM audit_log WHERE action = 'subject_request.extended'")).hasSize(1);
    }

    @Test
    void fulfilled_requests_are_recorded_closed_and_listed_page_by_page() throws Exception {
        LeadId lead = mqlWithAMergedVisit();
        for (int i = 0; i < 3; i++) {
            store.rightsRequests().recordFulfilled(workspace, lead, RequestKind.ACCESS, "privacy-officer",
                    new Actor.ApiKey("key_admin"), T0.plusSeconds(i), StatutoryDeadlines.STANDARD.of(RequestKind.ACCESS,
                            CALIFORNIA, T0.plusSeconds(i)));
        }
        Page<RightsRequest> first = store.rightsRequests().list(workspace, Optional.of(RequestStatus.CLOSED), ERASED,
                Optional.empty(), 2);
        Page<RightsRequest> second = store.rightsRequests().list(workspace, Optional.of(RequestStatus.CLOSED), ERASED,
                first.next(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.next()).isEmpty();
        assertThat(first.items().get(0).received()).isEqualTo(T0);
        assertThat(second.items().get(0).received()).isEqualTo(T0.plusSeconds(2));
        assertThat(second.items().get(0).closed()).contains(T0.plusSeconds(2));
        assertThatThrownBy(() -> store.rightsRequests().list(workspace, Optional.empty(), ERASED,
                Optional.of("bm90LWEtY3Vyc29y"), 2)).isInstanceOf(IllegalArgumentException.class);

        record(Events.page("p1", "anon-2", "/about", T0));
        LeadId unsent = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.ANONYMOUS_ID, "anon-2"))
                .orElseThrow().id();
        erase(unsent);
        assertThat(store.rightsRequests().list(workspace, Optional.of(RequestStatus.CLOSED), ERASED, Optional.empty(),
                10).items()).filteredOn(request -> request.kind() == RequestKind.DELETION).singleElement()
                .satisfies(request -> {
                    assertThat(request.recipients()).as("nobody received the visitor").isEmpty();
                    assertThat(request.closed()).contains(ERASED);
                });
    }

    private static Settlement.Confirmed confirmed() {
        return new Settlement.Confirmed(CONFIRMED, "key:key_admin", Optional.of("CRM-4411"));
    }

    /** The MQL's egress decision let it leave, so the destination is one that received the person. */
    private void markSent(PendingDelivery mql, LeadId lead) {
        store.egress().record(new EgressRecord(workspace, mql.message().id(), INTAKE, lead.value(),
                HandOffType.LEAD_MQL, 1, T0.plusSeconds(3600), EgressRecord.Outcome.SENT, Set.of(), List.of(),
                Optional.empty()));
    }

    private Erasure erase(LeadId lead) throws Exception {
        return erase(lead, StatutoryDeadlines.STANDARD.of(RequestKind.DELETION, Jurisdiction.UNKNOWN, ERASED));
    }

    private Erasure erase(LeadId lead, Deadline deadline) throws Exception {
        return store.writer().erase(workspace, new ErasureRequest(lead, "privacy-officer", "data-subject request",
                new Actor.User("dpo-1"), ERASED, deadline)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private List<String> rows(String sql, Object... parameters) {
        return store.database().jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.bind(i, parameters[i]);
            }
            return query.mapTo(String.class).list();
        });
    }

    private static Destination destination(String id, Set<HandOffType> types) {
        return new Destination(new DestinationId(id), "Team " + id, URI.create("https://hooks.example.org/" + id),
                types, Set.of(Segment.CONSUMER), Set.of(), Set.of("email", "state"), Optional.empty(), 2, 3, true,
                new EgressDeclaration(DestinationKind.INTAKE, true, false, Remuneration.NONE));
    }

    private void record(io.attune.core.event.Event... events) throws Exception {
        List<IncomingEvent> incoming = Arrays.stream(events).map(Events::incoming).toList();
        EventIntake.Admission admission = store.writer().submit(workspace, incoming);
        assertThat(admission).isInstanceOf(EventIntake.Admitted.class);
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
