package io.attune.core.handoff;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestConsents;
import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandOffPlannerTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-test");
    private static final EgressDeclaration INTAKE = EgressDeclaration.of(DestinationKind.INTAKE).withBaa();
    private static final ScoringModel CONSUMER = TestModels.model("consumer-test", Segment.CONSUMER).threshold(40)
            .fit(rule("adult").when("has(lead.age) && lead.age >= 18").points(10))
            .engagement(rule("insurance_check").kind("track").names("Insurance Checked").points(20),
                    rule("booking").kind("track").names("Appointment Booked").points(40))
            .compile();

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final HandOffPlanner planner = new HandOffPlanner(new InMemoryRoundRobin());

    private LeadState mql() {
        RecordEvent record = new RecordEvent(WORKSPACE, TestModels.catalog(Segment.CONSUMER, CONSUMER), book,
                new LeadScoring());
        record.record(TestEvents.user("u-1").identify(Map.of("email", "jo@example.org", "age", 30, "state", "wa",
                "diagnosis", "kept out", "firstName", "Jo", "consent", TestConsents.COLLECT_CHD)));
        record.record(TestEvents.user("u-1").after(Duration.ofMinutes(1)).track("Insurance Checked"));
        record.record(TestEvents.user("u-1").after(Duration.ofMinutes(2)).track("Appointment Booked"));
        LeadState lead = book.lead(book.leadOf(new Identity(IdentityKind.USER_ID, "u-1")).orElseThrow()).orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead;
    }

    private static Destination destination(String id, Set<Segment> segments, Set<String> states, Set<String> fields) {
        return new Destination(new DestinationId(id), id, URI.create("https://hooks.example.org/" + id),
                Set.of(HandOffType.LEAD_MQL), segments, states, fields, Optional.empty(), 4, 10, true, INTAKE);
    }

    private Transition toMql() {
        return book.transitions().get(book.transitions().size() - 1);
    }

    @Test
    void a_destination_receives_only_the_fields_it_lists_and_why_the_lead_qualified() {
        LeadState lead = mql();
        Destination intake = destination("intake", Set.of(Segment.CONSUMER), Set.of(), Set.of("email", "firstName"));

        List<OutboundMessage> messages = planner.plan(WORKSPACE, List.of(intake), CONSUMER, lead, Optional.empty(),
                toMql());

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.type()).isEqualTo(HandOffType.LEAD_MQL);
            assertThat(message.data().fields().asMap()).containsOnlyKeys("email", "firstName");
            assertThat(message.data().model()).isEqualTo(CONSUMER.version());
            assertThat(message.data().reasons()).extracting(reason -> reason.rule().value())
                    .containsExactly("booking", "insurance_check", "adult");
            assertThat(message.data().stage()).isEqualTo(Stage.MQL);
            assertThat(message.data().from()).isEqualTo(Stage.LEAD);
        });
    }

    @Test
    void segment_territory_type_and_switch_decide_who_hears_of_it() {
        LeadState lead = mql();
        List<Destination> destinations = List.of(
                destination("employer-sales", Set.of(Segment.EMPLOYER), Set.of(), Set.of()),
                destination("washington-intake", Set.of(Segment.CONSUMER), Set.of("WA"), Set.of()),
                destination("oregon-intake", Set.of(Segment.CONSUMER), Set.of("OR"), Set.of()),
                new Destination(new DestinationId("sql-only"), "sql only", URI.create("https://x.example/"),
                        Set.of(HandOffType.LEAD_SQL), Set.of(), Set.of(), Set.of(), Optional.empty(), 1, 1, true,
                        INTAKE),
                new Destination(new DestinationId("paused"), "paused", URI.create("https://x.example/"),
                        Set.of(HandOffType.LEAD_MQL), Set.of(), Set.of(), Set.of(), Optional.empty(), 1, 1, false,
                        INTAKE));

        assertThat(planner.plan(WORKSPACE, destinations, CONSUMER, lead, Optional.empty(), toMql()))
                .extracting(message -> message.destination().value()).containsExactly("washington-intake");
    }

    @Test
    void the_same_move_gives_the_same_message_ids() {
        LeadState lead = mql();
        Destination intake = destination("intake", Set.of(), Set.of(), Set.of());

        assertThat(planner.plan(WORKSPACE, List.of(intake), CONSUMER, lead, Optional.empty(), toMql()))
                .isEqualTo(planner.plan(WORKSPACE, List.of(intake), CONSUMER, lead, Optional.empty(), toMql()));
    }
}
