package io.attune.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerJourneysTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws_bench");

    @Test
    void a_journey_is_found_by_the_lead_its_user_id_derives_when_its_anonymous_messages_were_refused() {
        // Every person qualifies; with a refused first batch the server seeds the lead from the user id.
        ConsumerJourneys journeys = new ConsumerJourneys(WORKSPACE, "r0", 20, 1.0, 0.0, 17);
        journeys.batch(0, 10, 0, 1_000_000, new ArrayList<>());

        LeadId byAnonymousId = LeadId.derivedFrom(WORKSPACE, new Identity(IdentityKind.ANONYMOUS_ID, "anon-r0-3"));
        LeadId byUserId = LeadId.derivedFrom(WORKSPACE, new Identity(IdentityKind.USER_ID, "user-r0-3"));

        assertThat(journeys.journey(byAnonymousId.value())).isPresent();
        assertThat(journeys.journey(byUserId.value())).containsSame(journeys.journey(byAnonymousId.value()).get());
        assertThat(journeys.journeys()).hasSize(10);
    }

    @Test
    void a_qualifying_journey_whose_mql_went_out_under_its_user_id_lead_is_not_missing_one() {
        LeadId anonymous = new LeadId("ld_aaaaaaaaaaaaaaaaaaaaaaaa");
        LeadId user = new LeadId("ld_bbbbbbbbbbbbbbbbbbbbbbbb");
        Journey journey = new Journey(0, anonymous, Optional.of(user), Journey.Shape.QUALIFYING, 1, false);
        journey.markSent(0, 1_000_000, 0);
        HandOffLedger.Message mql = new HandOffLedger.Message("msg_1", user.value(), HandOffLedger.MQL, 1, 1_000_000,
                "delivered", 1, 1_000_010);

        assertThat(HandOffLedger.missingQualifying(List.of(journey), List.of(mql))).isZero();
    }
}
