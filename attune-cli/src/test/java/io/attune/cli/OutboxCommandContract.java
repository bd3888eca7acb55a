package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.EgressDecision;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.FlowKind;
import io.attune.core.egress.OutboundPayload;
import io.attune.core.egress.Redaction;
import io.attune.core.event.Attributes;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Track;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * {@code attune outbox}, against a store with real dead letters: two consumer leads became MQLs and were
 * handed to two destinations, {@code intake} and {@code crm}; three of the four messages were given up on,
 * one was delivered. Run against every engine by the subclasses.
 */
abstract class OutboxCommandContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    /** What the messages carry about the leads; none of it may ever be printed. */
    static final List<String> TRAITS = List.of("lee.morgan@gmail.com", "kim.ortiz@fastmail.com", "Aetna", "Cigna");

    private TestDatabase database;
    Store store;
    WorkspaceId workspace;
    /** Lee's hand-off to intake: rejected with a 500, timed out, unreachable, then dead. */
    OutboundMessage intakeLee;
    /** Lee's hand-off to the CRM: unreachable once, dead. */
    OutboundMessage crmLee;
    /** Kim's hand-off to intake: delivered at the first attempt. */
    OutboundMessage intakeKim;
    /** Kim's hand-off to the CRM: timed out once, dead. */
    OutboundMessage crmKim;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void threeDeadLettersAndOneDelivered() throws Exception {
        database = TestDatabase.create(engine());
        store = Store.over(database.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        workspace = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0).workspace().id();
        destination("intake", "https://intake.example.org/hooks");
        destination("crm", "https://crm.example.org/hooks");
        String lee = becomesMql("user-7", "lee.morgan@gmail.com", "Aetna", T0);
        String kim = becomesMql("user-8", "kim.ortiz@fastmail.com", "Cigna", T0.plusSeconds(600));
        Map<String, OutboundMessage> due = new HashMap<>();
        for (PendingDelivery pending : store.outbox().due(T0.plusSeconds(3600), 10)) {
            due.put(pending.message().destination() + "/" + pending.message().subject(), pending.message());
        }
        assertThat(due).hasSize(4);
        intakeLee = due.get("intake/" + lee);
        crmLee = due.get("crm/" + lee);
        intakeKim = due.get("intake/" + kim);
        crmKim = due.get("crm/" + kim);
        Instant at = T0.plusSeconds(3600);
        attempt(intakeLee, 1, at, DeliveryAttempt.Outcome.REJECTED, 500, 12, "the receiver answered 500", true);
        attempt(intakeLee, 2, at.plusSeconds(30), DeliveryAttempt.Outcome.TIMED_OUT, 0, 10_000,
                "no answer within the timeout", true);
        attempt(intakeLee, 3, at.plusSeconds(90), DeliveryAttempt.Outcome.UNREACHABLE, 0, 4,
                "connection refused or unreachable", false);
        attempt(crmLee, 1, at, DeliveryAttempt.Outcome.UNREACHABLE, 0, 3, "connection refused or unreachable", false);
        attempt(intakeKim, 1, at, DeliveryAttempt.Outcome.DELIVERED, 200, 8, null, false);
        attempt(crmKim, 1, at, DeliveryAttempt.Outcome.TIMED_OUT, 0, 10_000, "no answer within the timeout", false);
        assertThat(store.outbox().deadLetters(workspace, 10)).hasSize(3);
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        database.close();
    }

    @Test
    void dead_letters_lists_each_with_destination_type_lead_time_attempts_and_last_error() {
        Cli.Run run = outbox("dead-letters");

        assertThat(run.exit()).as(run.describe()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("ID +DESTINATION +TYPE +LEAD +WHEN +ATTEMPTS +LAST ERROR");
        assertThat(lines.get(1)).as("newest first").matches(row(crmKim, 1, "no answer within the timeout"));
        assertThat(lines.subList(2, 4)).satisfiesExactlyInAnyOrder(
                line -> assertThat(line).matches(row(intakeLee, 3, "connection refused or unreachable")),
                line -> assertThat(line).matches(row(crmLee, 1, "connection refused or unreachable")));
        assertThat(lines.get(4)).isEqualTo("3 dead letters");
        assertThat(run.out()).doesNotContain(intakeKim.id());
        assertNoTraits(run);
    }

    @Test
    void dead_letters_as_json_have_the_api_shape_newest_first() throws IOException {
        Cli.Run run = outbox("dead-letters", "--json");

        assertThat(run.exit()).as(run.describe()).isZero();
        JsonNode items = new ObjectMapper().readTree(run.out()).path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("id").asText()).isEqualTo(crmKim.id());
        JsonNode lee = Stream.of(items.get(1), items.get(2)).filter(item -> item.path("id").asText()
                .equals(intakeLee.id())).findFirst().orElseThrow();
        assertThat(lee.path("destination").asText()).isEqualTo("intake");
        assertThat(lee.path("subject").asText()).isEqualTo(intakeLee.subject());
        assertThat(lee.path("type").asText()).isEqualTo("lead.mql");
        assertThat(Instant.parse(lee.path("at").asText())).isEqualTo(intakeLee.at());
        assertThat(lee.path("attempts").asInt()).isEqualTo(3);
        assertThat(lee.path("lastError").asText()).isEqualTo("connection refused or unreachable");
        assertThat(lee.fieldNames()).toIterable().containsExactly("id", "destination", "subject", "type", "at",
                "attempts", "lastError");
        assertNoTraits(run);
    }

    @Test
    void dead_letters_of_one_destination_and_a_limit() {
        Cli.Run crm = outbox("dead-letters", "--destination", "crm");
        Cli.Run newest = outbox("dead-letters", "--limit", "1");

        assertThat(crm.exit()).as(crm.describe()).isZero();
        assertThat(crm.out()).contains(crmKim.id(), crmLee.id()).doesNotContain(intakeLee.id())
                .endsWith("2 dead letters\n");
        assertThat(newest.exit()).as(newest.describe()).isZero();
        assertThat(newest.out().lines()).hasSize(3);
        assertThat(newest.out()).contains(crmKim.id()).endsWith("the newest 1 of 3 dead letters (see --limit)\n");
    }

    @Test
    void show_prints_the_status_and_every_attempt() {
        Cli.Run run = outbox("show", intakeLee.id());

        assertThat(run.exit()).as(run.describe()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(intakeLee.id() + "  dead");
        assertThat(lines.get(1)).matches("ATTEMPT +AT +OUTCOME +HTTP +LATENCY +ERROR");
        Instant at = T0.plusSeconds(3600);
        assertThat(lines.get(2)).matches("1 +" + at + " +rejected +500 +12 ms +the receiver answered 500");
        assertThat(lines.get(3)).matches("2 +" + at.plusSeconds(30) + " +timed_out +- +10000 ms +no answer within "
                + "the timeout");
        assertThat(lines.get(4)).matches("3 +" + at.plusSeconds(90) + " +unreachable +- +4 ms +connection refused or "
                + "unreachable");
        assertNoTraits(run);
    }

    @Test
    void show_prints_each_egress_decision_with_its_rule_ids_and_the_names_of_what_was_redacted() throws IOException {
        Instant at = T0.plusSeconds(3600);
        store.egress().record(EgressRecord.of(workspace, intakeKim, 1, at, new EgressDecision.Redacted(
                new OutboundPayload(FlowKind.HAND_OFF, "lead.mql", Segment.CONSUMER, false, Optional.empty(), at,
                        List.of()), List.of(new Redaction("insurance", DataClass.HEALTH, Redaction.Treatment.REMOVED,
                        Set.of(EgressRule.TRK_01))))));

        Cli.Run run = outbox("show", intakeKim.id());

        assertThat(run.exit()).as(run.describe()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(3)).matches("DECIDED FOR +AT +EGRESS +RULES +REDACTED");
        assertThat(lines.get(4)).matches("attempt 1 +" + at + " +redacted +TRK-01 +insurance:removed");
        assertNoTraits(run);
        JsonNode decision = new ObjectMapper().readTree(outbox("show", intakeKim.id(), "--json").out())
                .path("decisions").get(0);
        assertThat(decision.path("outcome").asText()).isEqualTo("redacted");
        assertThat(decision.at("/redactions/0/field").asText()).isEqualTo("insurance");
        assertThat(decision.at("/rules/0").asText()).isEqualTo("TRK-01");
    }

    @Test
    void show_as_json_has_the_api_shape() throws IOException {
        Cli.Run run = outbox("show", intakeKim.id(), "--json");

        assertThat(run.exit()).as(run.describe()).isZero();
        JsonNode message = new ObjectMapper().readTree(run.out());
        assertThat(message.path("id").asText()).isEqualTo(intakeKim.id());
        assertThat(message.path("status").asText()).isEqualTo("delivered");
        assertThat(message.path("attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt.path("attempt").asInt()).isEqualTo(1);
            assertThat(attempt.path("outcome").asText()).isEqualTo("delivered");
            assertThat(attempt.path("status").asInt()).isEqualTo(200);
            assertThat(attempt.path("latencyMillis").asLong()).isEqualTo(8);
            assertThat(attempt.has("error")).as("no error on a delivery").isFalse();
        });
    }

    @Test
    void replay_puts_the_named_dead_letters_back_with_their_attempts_kept() {
        Cli.Run run = outbox("replay", intakeLee.id(), crmLee.id());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "replayed " + intakeLee.id() + "  intake  lead.mql  lead " + intakeLee.subject(),
                "replayed " + crmLee.id() + "  crm  lead.mql  lead " + crmLee.subject(),
                "2 dead letters replayed");
        assertThat(status(intakeLee)).contains("pending");
        assertThat(status(crmLee)).contains("pending");
        assertThat(status(crmKim)).as("not named").contains("dead");
        assertThat(store.outbox().due(Instant.now().plusSeconds(1), 10)).extracting(p -> p.message().id())
                .containsExactlyInAnyOrder(intakeLee.id(), crmLee.id());
        assertThat(store.outbox().attempts(workspace, intakeLee.id())).hasSize(3);
        assertNoTraits(run);
    }

    @Test
    void an_id_that_is_no_dead_letter_is_reported_the_others_replayed_and_the_exit_code_is_3() {
        Cli.Run run = outbox("replay", intakeKim.id(), "msg_nosuchmessage", crmKim.id());

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                "attune: " + intakeKim.id() + " is not a dead letter: it was delivered",
                "attune: msg_nosuchmessage is not an outbox message of workspace " + workspace);
        assertThat(run.out()).contains("replayed " + crmKim.id()).endsWith("1 dead letter replayed, 2 not replayed\n");
        assertThat(status(crmKim)).contains("pending");
        assertThat(status(intakeKim)).contains("delivered");
        assertThat(store.outbox().attempts(workspace, intakeKim.id())).hasSize(1);
    }

    @Test
    void replaying_the_same_id_twice_in_one_run_replays_it_once() {
        Cli.Run run = outbox("replay", crmKim.id(), crmKim.id());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).endsWith("1 dead letter replayed\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void replay_all_of_one_destination_leaves_the_others_dead() {
        Cli.Run run = outbox("replay", "--all", "--destination", "crm");

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "replayed " + crmLee.id() + "  crm  lead.mql  lead " + crmLee.subject(),
                "replayed " + crmKim.id() + "  crm  lead.mql  lead " + crmKim.subject(),
                "2 dead letters replayed");
        assertThat(status(crmLee)).contains("pending");
        assertThat(status(crmKim)).contains("pending");
        assertThat(status(intakeLee)).contains("dead");
    }

    @Test
    void replay_all_empties_the_dead_letters() {
        Cli.Run run = outbox("replay", "--all");
        Cli.Run again = outbox("replay", "--all");
        Cli.Run list = outbox("dead-letters");

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).endsWith("3 dead letters replayed\n");
        assertThat(store.outbox().deadLetters(workspace, 10)).isEmpty();
        assertThat(again.exit()).as(again.describe()).isZero();
        assertThat(again.out()).isEqualTo("no dead letters to replay in workspace " + workspace + "\n");
        assertThat(list.out()).isEqualTo("no dead letters in workspace " + workspace + "\n");
    }

    @Test
    void another_workspace_neither_sees_nor_replays_these_messages() {
        WorkspaceId other = store.workspaces().create("Harbor Benefits", Segment.EMPLOYER, T0).workspace().id();

        Cli.Run list = Cli.run(args("outbox", "dead-letters", "--workspace", other.value()));
        Cli.Run show = Cli.run(args("outbox", "show", crmKim.id(), "--workspace", other.value()));
        Cli.Run replay = Cli.run(args("outbox", "replay", crmKim.id(), "--workspace", other.value()));

        assertThat(list.out()).isEqualTo("no dead letters in workspace " + other + "\n");
        assertThat(show.exit()).as(show.describe()).isEqualTo(1);
        assertThat(show.err()).isEqualTo("attune: no outbox message " + crmKim.id() + " in workspace " + other + "\n");
        assertThat(replay.exit()).as(replay.describe()).isEqualTo(3);
        assertThat(status(crmKim)).contains("dead");
    }

    @Test
    void an_unknown_workspace_is_an_error_without_a_stack_trace() {
        Cli.Run run = Cli.run(args("outbox", "dead-letters", "--workspace", "nosuchworkspace"));

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("attune: no workspace nosuchworkspace in this store\n");
        assertThat(run.out()).isEmpty();
    }

    /** The command line of an {@code attune outbox} command on this workspace and this test's store. */
    Cli.Run outbox(String... command) {
        List<String> args = new ArrayList<>(List.of("outbox"));
        args.addAll(List.of(command));
        args.addAll(List.of("--workspace", workspace.value()));
        return Cli.run(args(args.toArray(String[]::new)));
    }

    /** The arguments followed by {@code --data DIR} or {@code --db URL} for this test's store. */
    String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (database.location() instanceof StoreLocation.SqliteDirectory sqlite) {
            all.addAll(List.of("--data", sqlite.directory().toString()));
        } else {
            all.addAll(List.of("--db", ((StoreLocation.JdbcUrl) database.location()).url()));
        }
        return all.toArray(String[]::new);
    }

    Optional<String> status(OutboundMessage message) {
        return store.outbox().status(workspace, message.id());
    }

    private static String row(OutboundMessage message, int attempts, String error) {
        return quote(message.id()) + " +" + message.destination() + " +lead\\.mql +" + quote(message.subject()) + " +"
                + quote(message.at().toString()) + " +" + attempts + " +" + quote(error);
    }

    private static String quote(String text) {
        return java.util.regex.Pattern.quote(text);
    }

    private static void assertNoTraits(Cli.Run run) {
        for (String trait : TRAITS) {
            assertThat(run.out() + run.err()).as("traits never printed").doesNotContain(trait);
        }
    }

    private void destination(String id, String url) {
        store.destinations().save(workspace, new Destination(new DestinationId(id), id + " team", URI.create(url),
                Set.of(HandOffType.LEAD_MQL), Set.of(Segment.CONSUMER), Set.of(), Set.of("email", "insurance"),
                Optional.empty(), 2, 3, true, EgressDeclaration.of(DestinationKind.INTAKE).withBaa()),
                List.of("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), T0);
    }

    /** Records the journey of a consumer who books an appointment, and returns the id of the MQL it makes. */
    private String becomesMql(String userId, String email, String insurance, Instant at) throws Exception {
        record(new Identify(header(userId + "-1", userId, at), Attributes.of(Map.of("email", email, "state", "CA",
                        "age", 40, "insurance", insurance))),
                new Track(header(userId + "-2", userId, at.plusSeconds(60)), "Insurance Check Completed",
                        Attributes.EMPTY),
                new Track(header(userId + "-3", userId, at.plusSeconds(120)), "Intake Started", Attributes.EMPTY),
                new Track(header(userId + "-4", userId, at.plusSeconds(180)), "Appointment Booked", Attributes.EMPTY));
        LeadState lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, userId)).orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead.id().value();
    }

    private void record(io.attune.core.event.Event... events) throws Exception {
        List<IncomingEvent> incoming = Stream.of(events).map(event -> new IncomingEvent(event, "{}")).toList();
        EventIntake.Admission admission = store.writer().submit(workspace, incoming);
        assertThat(admission).isInstanceOf(EventIntake.Admitted.class);
        ((EventIntake.Admitted) admission).recorded().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static EventHeader header(String messageId, String userId, Instant at) {
        return new EventHeader(new MessageId(messageId), userId, null, at, at, Attributes.EMPTY);
    }

    /** One attempt at a message; a failure without a retry dead-letters it, as the dispatcher does. */
    private void attempt(OutboundMessage message, int number, Instant at, DeliveryAttempt.Outcome outcome, int status,
            long latency, String error, boolean retry) {
        store.outbox().attempted(new DeliveryAttempt(message.id(), number, at, outcome,
                status == 0 ? OptionalInt.empty() : OptionalInt.of(status), latency, Optional.ofNullable(error)),
                retry ? Optional.of(at.plusSeconds(30)) : Optional.empty());
    }
}
