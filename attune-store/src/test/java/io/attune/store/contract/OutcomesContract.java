package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.outcome.CrmRecordId;
import io.attune.core.outcome.LeadFinder;
import io.attune.core.outcome.LeadReference;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeFilter;
import io.attune.core.outcome.OutcomeId;
import io.attune.core.outcome.OutcomeResult;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.outcome.OutcomeUpdate;
import io.attune.core.outcome.RecordOutcomes;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outcomes store and recording outcomes through the real writer, run against every engine by the subclasses. */
abstract class OutcomesContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final Actor CRM = new Actor.ApiKey("key_crm");
    static final LeadId LEAD = new LeadId("ld_" + "1".repeat(24));

    private TestDatabase testDatabase;
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
        testDatabase.close();
    }

    static Outcome outcome(LeadId lead, OutcomeStatus status, Instant at, String crmId) {
        return new Outcome(lead, status, at, Optional.empty(), Optional.ofNullable(crmId).map(CrmRecordId::new),
                OutcomeSource.API, CRM, T0);
    }

    @Test
    void an_outcome_is_stored_once_and_read_back_exactly() {
        Outcome won = new Outcome(LEAD, OutcomeStatus.WON, Instant.parse("2026-09-30T17:45:12.345Z"),
                Optional.of(new Money(new BigDecimal("123456789012.3456"), "EUR")),
                Optional.of(new CrmRecordId("0065g00000XyZ12AAB")), new OutcomeSource("salesforce"), CRM, T0);
        Outcome lost = outcome(LEAD, OutcomeStatus.LOST, T0, null);

        assertThat(store.outcomes().store(workspace, List.of(won, lost)))
                .containsExactlyInAnyOrder(won.id(), lost.id());
        assertThat(store.outcomes().store(workspace, List.of(won))).as("stored before").isEmpty();
        Outcome resent = new Outcome(LEAD, OutcomeStatus.WON, won.occurredAt(), Optional.empty(), won.crmId(),
                OutcomeSource.CSV, new Actor.System("outcomes-import"), T0.plusSeconds(60));
        assertThat(store.outcomes().store(workspace, List.of(resent))).as("same lead, status, time, crm id").isEmpty();

        assertThat(store.outcomes().stored(workspace, List.of(won.id(), OutcomeId.of(LEAD, OutcomeStatus.SQL, T0,
                Optional.empty())))).containsExactly(won.id());
        assertThat(store.outcomes().outcomes(workspace, OutcomeFilter.ALL, Optional.empty(), 10).items())
                .as("by when they occurred").containsExactly(won, lost);
        WorkspaceId other = store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id();
        assertThat(store.outcomes().stored(other, List.of(won.id()))).isEmpty();
        assertThat(store.outcomes().outcomes(other, OutcomeFilter.ALL, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void outcomes_are_listed_by_when_they_occurred_in_pages_that_miss_and_repeat_nothing() {
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // pairs share a time, so that the cursor must order by id within one instant
            all.add(outcome(LEAD, i % 3 == 0 ? OutcomeStatus.WON : OutcomeStatus.SQL,
                    T0.plus(Duration.ofHours(i / 2)), "crm-" + i));
        }
        store.outcomes().store(workspace, all);

        List<Outcome> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Outcome> page = store.outcomes().outcomes(workspace, OutcomeFilter.ALL, cursor, 2);
            paged.addAll(page.items());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(4);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);
        assertThat(paged).isSortedAccordingTo((a, b) -> a.occurredAt().equals(b.occurredAt())
                ? a.id().compareTo(b.id()) : a.occurredAt().compareTo(b.occurredAt()));
        Instant since = T0.plus(Duration.ofHours(1));
        assertThat(store.outcomes().outcomes(workspace, new OutcomeFilter(Optional.of(since),
                Optional.of(OutcomeStatus.WON)), Optional.empty(), 10).items())
                .extracting(Outcome::crmId).containsExactlyInAnyOrder(Optional.of(new CrmRecordId("crm-3")),
                        Optional.of(new CrmRecordId("crm-6")));
        assertThatThrownBy(() -> store.outcomes().outcomes(workspace, OutcomeFilter.ALL,
                Optional.of("bm90LWEtY3Vyc29y"), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recording_a_deal_moves_the_lead_through_the_writer_and_a_rebuild_keeps_both() throws Exception {
        LeadId lead = mql();
        RecordOutcomes outcomes = new RecordOutcomes(LeadFinder.over(store.queries()), store.outcomes(),
                store.writer());
        LeadReference byEmail = new LeadReference.ByIdentity(new Identity(IdentityKind.EMAIL, "Lee.Morgan@gmail.com"));
        Money deal = new Money(new BigDecimal("18400.50"), "USD");
        List<OutcomeUpdate> updates = List.of(
                new OutcomeUpdate(byEmail, OutcomeStatus.WON, T0.plus(Duration.ofDays(9)), Optional.of(deal),
                        Optional.of(new CrmRecordId("006K")), Optional.empty()),
                new OutcomeUpdate(byEmail, OutcomeStatus.SQL, T0.plus(Duration.ofDays(1)), Optional.empty(),
                        Optional.empty(), Optional.of(new Bant("self-pay approved", "the patient decides",
                                "weekly therapy", "start this month"))),
                new OutcomeUpdate(new LeadReference.ById(lead), OutcomeStatus.OPPORTUNITY, T0.plus(Duration.ofDays(3)),
                        Optional.of(deal), Optional.of(new CrmRecordId("006K")), Optional.empty()),
                new OutcomeUpdate(new LeadReference.ByIdentity(new Identity(IdentityKind.USER_ID, "user-404")),
                        OutcomeStatus.LOST, T0, Optional.empty(), Optional.empty(), Optional.empty()));
        Instant now = T0.plus(Duration.ofDays(10));

        List<OutcomeResult> first = outcomes.record(workspace, updates, OutcomeSource.API, CRM, now);
        List<OutcomeResult> again = outcomes.record(workspace, updates, OutcomeSource.API, CRM, now.plusSeconds(5));

        assertThat(first.subList(0, 3)).allSatisfy(result -> assertThat(result)
                .isInstanceOfSatisfying(OutcomeResult.Stored.class, stored ->
                        assertThat(stored.stage()).isInstanceOf(OutcomeResult.Moved.class)));
        assertThat(first.get(3)).isEqualTo(new OutcomeResult.UnknownLead("userId"));
        assertThat(again.subList(0, 3)).allSatisfy(result -> assertThat(result)
                .isInstanceOf(OutcomeResult.Duplicate.class));
        LeadState customer = store.queries().lead(workspace, lead).orElseThrow();
        assertThat(customer.stage()).isEqualTo(Stage.CUSTOMER);
        assertThat(customer.sales().won()).contains(deal);
        assertThat(store.queries().transitions(workspace, lead)).extracting(move -> move.to().wireName() + " by "
                + move.actor().describe()).endsWith("sql by key:key_crm", "opportunity by key:key_crm",
                "customer by key:key_crm");
        List<Outcome> stored = store.outcomes().outcomes(workspace, OutcomeFilter.ALL, Optional.empty(), 10).items();
        assertThat(stored).extracting(Outcome::status)
                .containsExactly(OutcomeStatus.SQL, OutcomeStatus.OPPORTUNITY, OutcomeStatus.WON);
        Snapshot before = Snapshot.of(store, workspace);

        store.rebuild().rebuild(workspace);

        assertThat(Snapshot.of(store, workspace)).isEqualTo(before);
        assertThat(store.outcomes().outcomes(workspace, OutcomeFilter.ALL, Optional.empty(), 10).items())
                .isEqualTo(stored);
    }

    private LeadId mql() throws Exception {
        EventIntake.Admission admission = store.writer().submit(workspace, List.of(
                Events.incoming(Events.identify("m1", "user-7", null, Map.of("email", "lee.morgan@gmail.com",
                        "state", "CA", "age", 40, "insurance", "Aetna"), T0)),
                Events.incoming(Events.track("m2", "user-7", null, "Insurance Check Completed", T0.plusSeconds(60))),
                Events.incoming(Events.track("m3", "user-7", null, "Intake Started", T0.plusSeconds(120))),
                Events.incoming(Events.track("m4", "user-7", null, "Appointment Booked", T0.plusSeconds(180)))));
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7"))
                .orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead.id();
    }
}
