package io.attune.core.ingest;

import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.SalesRecord;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Lifecycle;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.Decay;
import io.attune.core.model.ModelCatalog;
import io.attune.core.scoring.DecayingValue;
import java.util.Optional;

/**
 * Applies what sales says about a lead: checks the move against the stage machine, records the
 * BANT, rejection or deal on the lead, resets engagement on a recycle, and logs the action beside
 * the events so that a rebuild replays it. Deterministic: the action's own time is used throughout.
 */
public final class ApplyLeadAction {
    private final ModelCatalog models;
    private final LeadBook book;
    private final LifecyclePolicy policy;

    public ApplyLeadAction(ModelCatalog models, LeadBook book, LifecyclePolicy policy) {
        this.models = models;
        this.book = book;
        this.policy = policy;
    }

    public ActionOutcome apply(LeadAction action) {
        Optional<LeadId> live = book.survivorOf(action.lead());
        Optional<LeadState> found = live.flatMap(book::lead);
        if (found.isEmpty()) {
            return new ActionOutcome.UnknownLead();
        }
        LeadState lead = found.get();
        SalesAction sales = action.action();
        if (sales instanceof SalesAction.ClearCrisis) {
            return clear(lead, action);
        }
        Stage target = sales.target();
        if (!Lifecycle.allows(lead.stage(), target)) {
            return new ActionOutcome.Refused(lead, "cannot " + sales.wireName() + " this lead: "
                    + Lifecycle.refusal(lead.stage(), target));
        }
        LeadState moved = lead.withStage(target).withSales(record(lead, action));
        Transition transition = new Transition(lead.id(), lead.stage(), target, action.at(), cause(sales),
                action.actor());
        book.save(moved);
        book.record(transition);
        book.append(new LeadAction(lead.id(), sales, action.actor(), action.at()));
        return new ActionOutcome.Applied(moved, transition);
    }

    /** A clinician ends the hold: the lead goes back to where it was held from. */
    private ActionOutcome clear(LeadState lead, LeadAction action) {
        if (lead.stage() != Stage.CRISIS_HOLD) {
            return new ActionOutcome.Refused(lead, "the lead is not in crisis hold (it is "
                    + lead.stage().wireName() + ")");
        }
        Stage target = lead.crisis().heldFrom().filter(stage -> stage != Stage.CRISIS_HOLD).orElse(Stage.LEAD);
        LeadState moved = lead.withStage(target).withCrisis(lead.crisis().cleared(action.at()));
        Transition transition = new Transition(lead.id(), Stage.CRISIS_HOLD, target, action.at(),
                "crisis hold cleared by a clinician", action.actor());
        book.save(moved);
        book.record(transition);
        book.append(new LeadAction(lead.id(), action.action(), action.actor(), action.at()));
        return new ActionOutcome.Applied(moved, transition);
    }

    private SalesRecord record(LeadState lead, LeadAction action) {
        SalesRecord sales = lead.sales();
        if (action.action() instanceof SalesAction.Accept accept) {
            sales = sales.accepted(accept.bant());
        } else if (action.action() instanceof SalesAction.Reject reject) {
            sales = sales.rejected(reject.reason(), reject.note());
        } else if (action.action() instanceof SalesAction.ConvertToOpportunity opportunity) {
            sales = sales.withOpportunity(opportunity.amount());
        } else if (action.action() instanceof SalesAction.Won won) {
            sales = sales.withWon(won.amount());
        }
        if (action.action().target() == Stage.RECYCLED) {
            sales = sales.recycled(action.at(), discountAfterRecycle(lead, action));
        }
        return sales;
    }

    /**
     * What must be taken off the raw engagement so that only {@code recycleFraction} of what
     * counted remains: {@code (1 − f) × raw + f × discount}, all decayed to the action's time.
     */
    private DecayingValue discountAfterRecycle(LeadState lead, LeadAction action) {
        Decay decay = models.active(lead.segment()).decay();
        long at = action.at().toEpochMilli();
        double raw = lead.score().engagementAt(at, decay);
        double discount = lead.sales().discountAt(at, decay);
        double fraction = policy.recycleFraction();
        return new DecayingValue((1 - fraction) * raw + fraction * discount, at);
    }

    private static String cause(SalesAction action) {
        if (action instanceof SalesAction.Accept) {
            return "accepted by sales with budget, authority, need and timeline confirmed";
        }
        if (action instanceof SalesAction.Reject reject) {
            return "rejected by sales: " + reject.reason().wireName()
                    + (reject.reason().leadsTo() == Stage.RECYCLED ? " (recycled)" : " (disqualified)");
        }
        if (action instanceof SalesAction.ConvertToOpportunity opportunity) {
            return "opportunity opened" + opportunity.amount().map(ApplyLeadAction::describe).orElse("");
        }
        if (action instanceof SalesAction.Won won) {
            return "won" + won.amount().map(ApplyLeadAction::describe).orElse("");
        }
        return "opportunity lost (recycled)";
    }

    private static String describe(Money money) {
        return " (" + money.amount().toPlainString() + " " + money.currency() + ")";
    }
}
