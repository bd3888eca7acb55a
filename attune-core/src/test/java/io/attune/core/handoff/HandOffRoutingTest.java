package io.attune.core.handoff;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestConsents;
import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTraits;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.event.Attributes;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which destination gets a lead: by segment, territory, owner, and in turn within a round-robin pool. */
class HandOffRoutingTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-routing");
    private static final Map<Segment, ScoringModel> MODELS = new EnumMap<>(Segment.class);
    private static final Set<HandOffType> EVERY_TYPE = Set.of(HandOffType.values());
    private static final Pool REPS = new Pool("reps");

    static {
        for (Segment segment : List.of(Segment.CONSUMER, Segment.EMPLOYER, Segment.REFERRAL)) {
            MODELS.put(segment, TestModels.model(segment.wireName() + "-test", segment).threshold(40)
                    .fit(rule("adult").when("has(lead.age) && lead.age >= 18").points(10))
                    .engagement(rule("booking").kind("track").names("Appointment Booked").points(40))
                    .compile());
        }
    }

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final RecordEvent record = new RecordEvent(WORKSPACE, TestModels.catalog(Segment.CONSUMER,
            MODELS.values().toArray(ScoringModel[]::new)), book, new LeadScoring());
    private final InMemoryRoundRobin pools = new InMemoryRoundRobin();
    private final HandOffPlanner planner = new HandOffPlanner(pools);

    /** A lead of this user that has just become an MQL, with {@code traits} besides an email and an age. */
    private LeadState mql(String user, Map<String, ?> traits) {
        Map<String, Object> all = new HashMap<>(traits);
        all.put("email", user + "@example.org");
        all.put("age", 30);
        all.put("consent", TestConsents.COLLECT_CHD);
        record.record(TestEvents.user(user).identify(all));
        record.record(TestEvents.user(user).after(Duration.ofMinutes(1)).track("Appointment Booked"));
        LeadState lead = book.lead(book.leadOf(new Identity(IdentityKind.USER_ID, user)).orElseThrow()).orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead;
    }

    private Transition qualification(LeadState lead) {
        return book.transitions().stream().filter(move -> move.lead().equals(lead.id()) && move.to() == Stage.MQL)
                .reduce((first, second) -> second).orElseThrow();
    }

    private static Transition accepted(LeadState lead) {
        return new Transition(lead.id(), Stage.MQL, Stage.SQL, TestEvents.T0.plus(Duration.ofHours(2)), "accepted",
                new Actor.User("rep-1"));
    }

    private static SlaTimer breached(LeadState lead) {
        return new SlaTimer(lead.id(), TestEvents.T0, TestEvents.T0.plus(Duration.ofHours(24)), SlaTimer.Status.OPEN,
                Optional.empty(), Optional.empty());
    }

    /** Who gets the hand-off of this move, by destination id. */
    private List<String> recipients(List<Destination> destinations, LeadState lead, Transition move) {
        return recipients(destinations, lead, Optional.empty(), move);
    }

    private List<String> recipients(List<Destination> destinations, LeadState lead, Optional<AccountState> account,
            Transition move) {
        return planner.plan(WORKSPACE, destinations, MODELS.get(lead.segment()), lead, account, move).stream()
                .map(message -> message.destination().value()).toList();
    }

    private static Destination destination(String id, Set<Segment> segments, Routing routing) {
        return destination(id, EVERY_TYPE, segments, routing, true);
    }

    private static Destination destination(String id, Set<HandOffType> types, Set<Segment> segments, Routing routing,
            boolean enabled) {
        return new Destination(new DestinationId(id), id, URI.create("https://hooks.example.org/" + id), types,
                segments, Set.of(), Set.of(), Optional.empty(), 4, 10, enabled, routing,
                EgressDeclaration.of(DestinationKind.CRM));
    }

    private static Destination rep(String id) {
        return destination(id, Set.of(), new Routing(Set.of(), Optional.of(REPS)));
    }

    private static Routing owners(String... owners) {
        return new Routing(Set.of(owners), Optional.empty());
    }

    private static AccountState account(Map<String, ?> traits) {
        return new AccountState(new AccountId("ac_" + "0".repeat(24)), Optional.of("g-acme"), Optional.empty(),
                AccountTraits.of(Attributes.of(traits), null), Segment.EMPLOYER, MODELS.get(Segment.EMPLOYER).version(),
                0, List.of(), DecayingValue.ZERO, Map.of(), false, 1, TestEvents.T0);
    }

    @Test
    void a_consumer_mql_goes_to_intake_an_employer_mql_to_sales_and_a_referral_mql_to_partnerships() {
        List<Destination> destinations = List.of(
                destination("intake", Set.of(Segment.CONSUMER), Routing.NONE),
                destination("partnerships", Set.of(Segment.REFERRAL), Routing.NONE),
                destination("sales", Set.of(Segment.EMPLOYER), Routing.NONE));
        LeadState consumer = mql("u-consumer", Map.of());
        LeadState employer = mql("u-employer", Map.of("segment", "employer"));
        LeadState referral = mql("u-referral", Map.of("segment", "referral"));

        assertThat(recipients(destinations, consumer, qualification(consumer))).containsExactly("intake");
        assertThat(recipients(destinations, employer, qualification(employer))).containsExactly("sales");
        assertThat(recipients(destinations, referral, qualification(referral))).containsExactly("partnerships");
    }

    @Test
    void a_destination_with_owners_takes_only_their_leads_owned_by_the_lead_s_trait_or_else_its_account_s() {
        List<Destination> destinations = List.of(
                destination("everyone", Set.of(), Routing.NONE),
                destination("rep-ana", Set.of(), owners("ana@acme-health.com")),
                destination("rep-ben", Set.of(), owners("12345", "ben@acme-health.com")));
        LeadState anas = mql("u-1", Map.of("owner", "ana@acme-health.com"));
        LeadState unowned = mql("u-2", Map.of());
        AccountState bensAccount = account(Map.of("owner", 12345L, "employees", 2500L));

        assertThat(recipients(destinations, anas, qualification(anas))).containsExactly("everyone", "rep-ana");
        assertThat(recipients(destinations, unowned, qualification(unowned))).containsExactly("everyone");
        assertThat(recipients(destinations, unowned, Optional.of(bensAccount), qualification(unowned)))
                .as("the account's owner, a HubSpot-style numeric id").containsExactly("everyone", "rep-ben");
        assertThat(recipients(destinations, anas, Optional.of(bensAccount), qualification(anas)))
                .as("the lead's own owner comes first").containsExactly("everyone", "rep-ana");
    }

    @Test
    void round_robin_gives_six_mqls_to_three_destinations_of_a_pool_two_each_in_id_order() {
        List<Destination> destinations = List.of(rep("rep-c"), rep("rep-a"), rep("rep-b"));
        List<String> given = new ArrayList<>();

        for (int i = 1; i <= 6; i++) {
            LeadState lead = mql("u-" + i, Map.of());
            given.addAll(recipients(destinations, lead, qualification(lead)));
        }

        assertThat(given).containsExactly("rep-a", "rep-b", "rep-c", "rep-a", "rep-b", "rep-c");
        assertThat(pools.turnsTaken(WORKSPACE, REPS)).isEqualTo(6);
    }

    @Test
    void a_destination_outside_the_pool_still_gets_its_copy_of_every_mql() {
        List<Destination> destinations = List.of(rep("rep-a"), rep("rep-b"),
                destination("audit", Set.of(), Routing.NONE));

        LeadState first = mql("u-1", Map.of());
        LeadState second = mql("u-2", Map.of());

        assertThat(recipients(destinations, first, qualification(first))).containsExactly("rep-a", "audit");
        assertThat(recipients(destinations, second, qualification(second))).containsExactly("rep-b", "audit");
    }

    @Test
    void a_lead_s_later_hand_offs_go_to_the_destination_its_mql_went_to_and_take_no_turn() {
        List<Destination> destinations = List.of(rep("rep-a"), rep("rep-b"), rep("rep-c"));
        LeadState first = mql("u-1", Map.of());
        LeadState second = mql("u-2", Map.of());
        assertThat(recipients(destinations, first, qualification(first))).containsExactly("rep-a");
        assertThat(recipients(destinations, second, qualification(second))).containsExactly("rep-b");

        List<OutboundMessage> breach = planner.planBreach(WORKSPACE, destinations, MODELS.get(Segment.CONSUMER),
                second, Optional.empty(), breached(second));

        assertThat(recipients(destinations, first, accepted(first))).containsExactly("rep-a");
        assertThat(breach).extracting(message -> message.destination().value()).containsExactly("rep-b");
        assertThat(pools.turnsTaken(WORKSPACE, REPS)).isEqualTo(2);
        LeadState third = mql("u-3", Map.of());
        assertThat(recipients(destinations, third, qualification(third))).as("the rotation went on where it was")
                .containsExactly("rep-c");
    }

    @Test
    void only_the_lead_s_destination_in_the_pool_may_take_a_later_type_the_others_do_not_step_in() {
        Routing reps = new Routing(Set.of(), Optional.of(REPS));
        List<Destination> destinations = List.of(
                destination("rep-a", Set.of(HandOffType.LEAD_MQL), Set.of(), reps, true),
                destination("rep-b", EVERY_TYPE, Set.of(), reps, true));
        LeadState lead = mql("u-1", Map.of());
        assertThat(recipients(destinations, lead, qualification(lead))).containsExactly("rep-a");

        assertThat(recipients(destinations, lead, accepted(lead))).isEmpty();
    }

    @Test
    void a_lead_whose_destination_left_the_pool_is_given_to_the_next_in_turn_and_stays_there() {
        LeadState lead = mql("u-1", Map.of());
        assertThat(recipients(List.of(rep("rep-a"), rep("rep-b")), lead, qualification(lead)))
                .containsExactly("rep-a");
        List<Destination> withoutA = List.of(destination("rep-a", EVERY_TYPE, Set.of(),
                new Routing(Set.of(), Optional.of(REPS)), false), rep("rep-b"), rep("rep-c"));

        assertThat(recipients(withoutA, lead, accepted(lead))).as("rep-a is disabled").containsExactly("rep-c");
        assertThat(recipients(List.of(rep("rep-a"), rep("rep-b"), rep("rep-c")), lead, accepted(lead)))
                .as("the lead stays with rep-c when rep-a is back").containsExactly("rep-c");
    }

    @Test
    void the_turn_goes_round_those_of_the_pool_that_take_the_lead_and_each_pool_gives_one() {
        List<Destination> destinations = List.of(
                destination("employer-rep", Set.of(Segment.EMPLOYER), new Routing(Set.of(), Optional.of(REPS))),
                rep("rep-x"), rep("rep-y"),
                destination("west-1", Set.of(), new Routing(Set.of(), Optional.of(new Pool("west")))),
                destination("west-2", Set.of(), new Routing(Set.of(), Optional.of(new Pool("west")))));
        List<List<String>> given = new ArrayList<>();

        for (int i = 1; i <= 3; i++) {
            LeadState lead = mql("u-" + i, Map.of());
            given.add(recipients(destinations, lead, qualification(lead)));
        }

        assertThat(given).containsExactly(List.of("rep-x", "west-1"), List.of("rep-y", "west-2"),
                List.of("rep-x", "west-1"));
    }
}
