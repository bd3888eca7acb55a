package io.attune.core.lifecycle;

import io.attune.core.lead.LeadState;
import io.attune.core.model.ScoringModel;
import io.attune.core.scoring.Disqualification;
import io.attune.core.scoring.Qualification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moves scoring makes on its own: a subscriber who identifies becomes a lead, a disqualified
 * lead leaves qualification (and returns when an attribute rule stops matching: as a lead, or as a
 * subscriber while still anonymous), an identified lead whose score qualifies becomes an MQL, and a
 * recycled lead qualifies again once the workspace's quiet period has passed. A lead sales
 * disqualified stays disqualified. Sales-driven moves themselves are {@link ApplyLeadAction}'s.
 */
public final class StageRules {
    private StageRules() {
    }

    /** The transitions the lead's current score calls for, in order; the last one's target is the new stage. */
    public static List<Transition> next(ScoringModel model, LeadState lead, Instant at, LifecyclePolicy policy) {
        List<Transition> moves = new ArrayList<>(2);
        Stage stage = lead.stage();
        Actor actor = new Actor.Model(model.version());
        Optional<Disqualification> out = lead.score().disqualification();
        if (stage == Stage.CRISIS_HOLD) {
            return moves;
        }
        if (out.isPresent()) {
            if (stage == Stage.SUBSCRIBER || stage == Stage.LEAD || stage == Stage.WAITLISTED) {
                moves.add(new Transition(lead.id(), stage, Stage.DISQUALIFIED, at,
                        "disqualified by " + out.get().rule() + ": " + out.get().reason(), actor));
            }
            return moves;
        }
        boolean bySales = lead.sales().rejection().filter(reason -> reason.leadsTo() == Stage.DISQUALIFIED).isPresent();
        if (stage == Stage.DISQUALIFIED && !bySales) {
            // a person known only by an anonymous id is a subscriber, never a lead
            Stage back = lead.identified() ? Stage.LEAD : Stage.SUBSCRIBER;
            moves.add(new Transition(lead.id(), stage, back, at, "no disqualifying rule matches any more", actor));
            stage = back;
        }
        if (stage == Stage.SUBSCRIBER && lead.identified()) {
            moves.add(new Transition(lead.id(), stage, Stage.LEAD, at, "identified", actor));
            stage = Stage.LEAD;
        }
        // an anonymous lead cannot be handed over, so it never qualifies, whatever stage it was put in
        if (stage == Stage.LEAD && lead.identified()) {
            Qualification qualification = Qualification.of(model, lead, at);
            if (qualification.qualified()) {
                moves.add(new Transition(lead.id(), stage, Stage.MQL, at, qualification.because(), actor));
            }
        }
        if (stage == Stage.RECYCLED && lead.identified() && quietPeriodOver(lead, at, policy)) {
            Qualification qualification = Qualification.of(model, lead, at);
            if (qualification.qualified()) {
                moves.add(new Transition(lead.id(), stage, Stage.MQL, at,
                        "qualified again after the quiet period: " + qualification.because(), actor));
            }
        }
        return moves;
    }

    private static boolean quietPeriodOver(LeadState lead, Instant at, LifecyclePolicy policy) {
        return lead.sales().recycledAt().map(recycled -> !at.isBefore(recycled.plus(policy.quietPeriod())))
                .orElse(true);
    }
}
