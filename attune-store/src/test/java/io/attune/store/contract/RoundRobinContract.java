package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.Pool;
import io.attune.core.handoff.RoundRobin;
import io.attune.core.handoff.Routing;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.db.Database;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.outbox.JdbcRoundRobin;
import io.attune.store.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Round-robin pools in the store, run against every engine by the subclasses: through the writer, a
 * pool's MQLs go to its destinations in turn and a lead's later moves follow its MQL; on the port
 * itself, a turn and an assignment belong to the transaction that took them.
 */
abstract class RoundRobinContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final Pool COORDINATORS = new Pool("intake-coordinators");
    static final LeadId LEAD = new LeadId("ld_" + "1".repeat(24));
    static final DestinationId COORDINATOR_A = new DestinationId("coordinator-a");
    static final DestinationId COORDINATOR_B = new DestinationId("coordinator-b");
    private static final Bant BANT = new Bant("self-pay", "self", "anxiety care", "this month");

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

    @Test
    void mqls_go_to_the_destinations_of_a_pool_in_turn_by_id_and_the_turn_survives_a_reopen() throws Exception {
        coordinators("coordinator-c", "coordinator-a", "coordinator-b");
        List<String> given = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            given.addAll(handOffs(qualify("user-" + i)));
        }

        reopen();
        for (int i = 5; i <= 6; i++) {
            given.addAll(handOffs(qualify("user-" + i)));
        }

        assertThat(given).containsExactly("lead.mql to coordinator-a", "lead.mql to coordinator-b",
                "lead.mql to coordinator-c", "lead.mql to coordinator-a", "lead.mql to coordinator-b",
                "lead.mql to coordinator-c");
    }

    @Test
    void a_lead_s_later_moves_go_where_its_mql_went_and_take_no_turn() throws Exception {
        coordinators("coordinator-a", "coordinator-b", "coordinator-c");
        LeadState first = qualify("user-1");
        LeadState second = qualify("user-2");

        act(first, new SalesAction.Accept(BANT));
        act(second, new SalesAction.Reject(RejectionReason.NOT_READY, Optional.of("starting next quarter")));
        LeadState third = qualify("user-3");

        assertThat(handOffs(first)).containsExactly("lead.mql to coordinator-a", "lead.sql to coordinator-a");
        assertThat(handOffs(second)).containsExactly("lead.mql to coordinator-b", "lead.recycled to coordinator-b");
        assertThat(handOffs(third)).as("the third turn").containsExactly("lead.mql to coordinator-c");
    }

    @Test
    void turns_go_round_each_pool_of_each_workspace_on_their_own() throws Exception {
        WorkspaceId other = store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id();
        try (Connection connection = store.database().connection()) {
            RoundRobin pools = new JdbcRoundRobin(connection);
            List<Integer> turns = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                turns.add(pools.next(workspace, COORDINATORS, 3));
            }

            assertThat(turns).containsExactly(0, 1, 2, 0, 1, 2, 0);
            assertThat(pools.next(workspace, new Pool("employer-sales"), 3)).isZero();
            assertThat(pools.next(other, COORDINATORS, 3)).isZero();
            assertThat(pools.next(workspace, COORDINATORS, 2)).as("the eighth turn of two").isOne();
        }
    }

    @Test
    void a_rolled_back_transaction_takes_no_turn_and_gives_no_lead() throws Exception {
        try (Connection connection = store.database().connection()) {
            connection.setAutoCommit(false);
            RoundRobin pools = new JdbcRoundRobin(connection);
            assertThat(pools.next(workspace, COORDINATORS, 2)).isZero();
            pools.assign(workspace, COORDINATORS, LEAD, COORDINATOR_A);
            connection.rollback();

            assertThat(pools.assignee(workspace, COORDINATORS, LEAD)).isEmpty();
            assertThat(pools.next(workspace, COORDINATORS, 2)).as("the same turn again").isZero();
            connection.commit();
            assertThat(pools.next(workspace, COORDINATORS, 2)).isOne();
            connection.commit();
        }
    }

    @Test
    void a_lead_stays_with_its_destination_until_given_to_another() throws Exception {
        WorkspaceId other = store.workspaces().create("Other", Segment.CONSUMER, T0).workspace().id();
        try (Connection connection = store.database().connection()) {
            RoundRobin pools = new JdbcRoundRobin(connection);
            pools.assign(workspace, COORDINATORS, LEAD, COORDINATOR_A);
            assertThat(pools.assignee(workspace, COORDINATORS, LEAD)).contains(COORDINATOR_A);

            pools.assign(workspace, COORDINATORS, LEAD, COORDINATOR_B);

            assertThat(pools.assignee(workspace, COORDINATORS, LEAD)).contains(COORDINATOR_B);
            assertThat(pools.assignee(workspace, COORDINATORS, new LeadId("ld_" + "2".repeat(24)))).isEmpty();
            assertThat(pools.assignee(workspace, new Pool("employer-sales"), LEAD)).isEmpty();
            assertThat(pools.assignee(other, COORDINATORS, LEAD)).isEmpty();
        }
    }

    @Test
    void two_writers_never_take_the_same_turn() throws Exception {
        try (Connection first = store.database().connection();
             Connection second = store.database().connection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(new JdbcRoundRobin(first).next(workspace, COORDINATORS, 2)).isZero();

            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() ->
                    new JdbcRoundRobin(second).next(workspace, COORDINATORS, 2));
            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS))
                    .as("the second waits for the first to commit").isInstanceOf(TimeoutException.class);
            first.commit();

            assertThat(waiting.get(30, TimeUnit.SECONDS)).isOne();
            second.commit();
        }
    }

    /** Destinations of the pool that take a consumer lead's MQL, acceptance and recycling. */
    private void coordinators(String... ids) {
        for (String id : ids) {
            store.destinations().save(workspace, new Destination(new DestinationId(id), "Intake " + id,
                    URI.create("https://hooks.example.org/" + id),
                    Set.of(HandOffType.LEAD_MQL, HandOffType.LEAD_SQL, HandOffType.LEAD_RECYCLED),
                    Set.of(Segment.CONSUMER), Set.of(), Set.of("email"), Optional.empty(), 4, 20, true,
                    new Routing(Set.of(), Optional.of(COORDINATORS)),
                    EgressDeclaration.of(DestinationKind.INTAKE).withBaa()),
                    List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), T0);
        }
    }

    /** Stops the store and opens the database again, as a restarted server would. */
    private void reopen() {
        store.writer().close();
        reopened = Database.open(testDatabase.location());
        store = Store.over(reopened, WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** Records through the writer the journey that makes a consumer MQL in California. */
    private LeadState qualify(String userId) throws Exception {
        EventIntake.Admission admission = store.writer().submit(workspace, List.of(
                Events.incoming(Events.identify(userId + "-1", userId, null, Map.of("email", userId + "@gmail.com",
                        "state", "CA", "age", 40), T0)),
                Events.incoming(Events.track(userId + "-2", userId, null, "Insurance Check Completed",
                        T0.plusSeconds(60))),
                Events.incoming(Events.track(userId + "-3", userId, null, "Intake Started", T0.plusSeconds(120))),
                Events.incoming(Events.track(userId + "-4", userId, null, "Appointment Booked",
                        T0.plusSeconds(180)))));
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId))
                .orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead;
    }

    private void act(LeadState lead, SalesAction action) throws Exception {
        ActionOutcome outcome = store.writer().submit(workspace, new LeadAction(lead.id(), action,
                new Actor.User("rep-3"), T0.plusSeconds(3600))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(ActionOutcome.Applied.class);
    }

    /** The lead's hand-offs in the outbox, in the order they were written: "type to destination". */
    private List<String> handOffs(LeadState lead) {
        return store.database().jdbi().withHandle(handle -> handle.createQuery("SELECT type, destination_id "
                        + "FROM outbox WHERE workspace_id = ? AND subject = ? ORDER BY seq")
                .bind(0, workspace.value()).bind(1, lead.id().value())
                .map((rs, ctx) -> rs.getString(1) + " to " + rs.getString(2)).list());
    }
}
