package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Event;
import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescoreLeadTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-test");
    private static final Instant T0 = TestEvents.T0;
    private static final ModelCatalog BEFORE = TestModels.catalog(Segment.EMPLOYER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);
    /** The employer model as version 2, qualifying at 30 points instead of 60. */
    private static final ModelCatalog AFTER = TestModels.catalog(Segment.EMPLOYER, IngestModels.CONSUMER,
            IngestModels.employer(2, 30));
    private static final ScoringGate GATE = new ScoringGate(UnknownJurisdiction.NOT_COVERED);
    private static final Instant AT = T0.plusSeconds(7200);

    @Test
    void replays_finishing_in_any_order_and_applied_in_reading_order_end_as_re_scoring_one_by_one() {
        InMemoryLeadBook oneByOne = recorded();
        RescoreLead rescore = rescoring(oneByOne);
        for (LeadId id : ids(oneByOne)) {
            rescore.rescore(id, AT);
        }

        InMemoryLeadBook split = recorded();
        RescoreLead parts = rescoring(split);
        List<RescoreLead.Pending> pending = new ArrayList<>();
        for (LeadId id : ids(split)) {
            pending.add(parts.read(id).orElseThrow());
        }
        RescoreLead.Replayed[] replays = new RescoreLead.Replayed[pending.size()];
        for (int i = pending.size() - 1; i >= 0; i--) {
            replays[i] = parts.replay(pending.get(i), AT);
        }
        for (int i = 0; i < pending.size(); i++) {
            parts.apply(replays[i]);
        }

        assertThat(oneByOne.transitions()).as("several leads move, so their order shows").hasSizeGreaterThan(2);
        assertThat(oneByOne.accountTransitions()).isNotEmpty();
        assertThat(split.leads()).containsExactlyInAnyOrderElementsOf(oneByOne.leads());
        assertThat(split.accounts()).containsExactlyInAnyOrderElementsOf(oneByOne.accounts());
        assertThat(split.transitions()).containsExactlyElementsOf(oneByOne.transitions());
        assertThat(split.accountTransitions()).containsExactlyElementsOf(oneByOne.accountTransitions());
    }

    /** Six people at two employers, benefits leaders and finance among them, who engage over an hour. */
    private static InMemoryLeadBook recorded() {
        InMemoryLeadBook book = new InMemoryLeadBook();
        RecordEvent record = new RecordEvent(WORKSPACE, BEFORE, book, new LeadScoring(), LifecyclePolicy.DEFAULT, GATE,
                DataDictionary.defaults());
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestEvents.Sender person = TestEvents.user("u-" + i).at(T0.plusSeconds(60L * i));
            events.add(person.identify(Map.of("email", "p" + i + "@co" + i % 2 + ".com",
                    "title", i % 3 == 0 ? "VP Benefits" : i % 3 == 1 ? "CFO" : "Analyst")));
            events.add(person.group("g-co" + i % 2, Map.of("employees", 5000)));
            events.add(TestEvents.user("u-" + i).at(T0.plusSeconds(600 + 60L * i)).track("Demo Requested"));
            events.add(TestEvents.user("u-" + i).at(T0.plusSeconds(1200 + 60L * i)).page("/pricing"));
        }
        events.sort(Comparator.comparing(Event::timestamp));
        for (Event event : events) {
            assertThat(record.record(event)).isInstanceOf(Recorded.Accepted.class);
        }
        return book;
    }

    private static RescoreLead rescoring(InMemoryLeadBook book) {
        return new RescoreLead(WORKSPACE, AFTER, book, new LeadScoring(), LifecyclePolicy.DEFAULT, GATE,
                DataDictionary.defaults());
    }

    private static List<LeadId> ids(InMemoryLeadBook book) {
        return book.leads().stream().map(LeadState::id).sorted(Comparator.comparing(LeadId::value)).toList();
    }
}
