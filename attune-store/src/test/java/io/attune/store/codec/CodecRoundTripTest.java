package io.attune.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.account.AccountState;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.event.Event;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.model.YamlModels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the store writes reads back equal: events, leads (scores, tallies, disqualifications) and accounts. */
class CodecRoundTripTest {
    private static final Map<Segment, ScoringModel> MODELS =
            YamlModels.starterModels(new ModelCompiler(new ConditionCompiler()));

    private final List<Event> events = List.of(
            TestEvents.anonymous("laptop").context(Map.of("page", Map.of("path", "/pricing"),
                    "campaign", Map.of("source", "linkedin"))).page("/pricing"),
            TestEvents.user("vp-1", "laptop").after(Duration.ofMinutes(5)).identify(Map.of(
                    "email", "dana@bigco.com", "title", "VP, Benefits", "segment", "employer", "employees", 12_000,
                    "score", 0.25, "tags", List.of("hr", "benefits"), "address", Map.of("state", "WA"))),
            TestEvents.user("vp-1").after(Duration.ofMinutes(6)).group("bigco", Map.of("name", "BigCo",
                    "selfInsured", true, "website", "https://www.bigco.com", "planLives", 40_000)),
            TestEvents.user("vp-1").after(Duration.ofMinutes(7)).track("ROI Calculator Completed",
                    Map.of("savings", 1_250_000.5, "currency", "USD")),
            TestEvents.user("vp-1").after(Duration.ofMinutes(8)).track("Demo Requested"),
            TestEvents.user("vp-1").after(Duration.ofMinutes(9)).screen("Benefits Guide", Map.of("app", "ios")),
            TestEvents.user("vp-1").after(Duration.ofMinutes(10)).alias("old-id"),
            TestEvents.anonymous("student").after(Duration.ofMinutes(11)).identify(Map.of(
                    "email", "kim@university.edu", "title", "Student", "segment", "employer")));

    @Test
    void every_event_kind_reads_back_equal() {
        for (Event event : events) {
            assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void leads_and_accounts_read_back_equal_with_their_scores() {
        InMemoryLeadBook book = new InMemoryLeadBook();
        ModelCatalog catalog = new ModelCatalog() {
            @Override
            public ScoringModel active(Segment segment) {
                return MODELS.get(segment);
            }

            @Override
            public Segment defaultSegment() {
                return Segment.CONSUMER;
            }
        };
        RecordEvent record = new RecordEvent(new WorkspaceId("ws"), catalog, book, new LeadScoring());
        events.forEach(record::record);

        assertThat(book.leads()).isNotEmpty();
        assertThat(book.leads()).anySatisfy(lead -> assertThat(lead.score().tallies(MODELS.get(lead.segment())))
                .isNotEmpty());
        for (LeadState lead : book.leads()) {
            ScoringModel model = MODELS.get(lead.segment());
            assertThat(LeadStateCodec.decode(LeadStateCodec.encode(lead, model), version -> model)).isEqualTo(lead);
        }
        assertThat(book.accounts()).isNotEmpty();
        for (AccountState account : book.accounts()) {
            assertThat(AccountStateCodec.decode(AccountStateCodec.encode(account))).isEqualTo(account);
        }
    }
}
