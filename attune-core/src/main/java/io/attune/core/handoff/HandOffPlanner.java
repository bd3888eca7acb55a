package io.attune.core.handoff;

import io.attune.core.account.AccountState;
import io.attune.core.crisis.FreeText;
import io.attune.core.event.Attributes;
import io.attune.core.identity.Digests;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.sla.SlaTimer;
import io.attune.core.model.ScoringModel;
import io.attune.core.scoring.Qualification;
import io.attune.core.scoring.TopReasons;
import io.attune.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Decides which destinations hear of a lead's move and what each may be told: a destination gets
 * the move if it takes that type, serves the lead's segment, territory (state) and owner (see
 * {@link LeadOwner}) and, if it is in a round-robin pool, is the one of its pool that gets the lead;
 * it receives only the lead fields it lists. Pure but for the pools' turns and assignments, kept
 * through {@link RoundRobin}: the same move, with the pools as they were, gives the same messages
 * with the same ids.
 */
public final class HandOffPlanner {
    private static final int REASONS = 5;

    private final RoundRobin pools;

    public HandOffPlanner(RoundRobin pools) {
        this.pools = pools;
    }

    /** The hand-offs of a lead's move; {@code account} is the lead's account, if it has one. */
    public List<OutboundMessage> plan(WorkspaceId workspace, List<Destination> destinations, ScoringModel model,
            LeadState lead, Optional<AccountState> account, Transition transition) {
        Optional<HandOffType> type = HandOffType.reaching(transition.to());
        // a held lead is announced only to the clinical team; leaving the hold announces nothing (CRISIS-04)
        boolean outreach = type.filter(t -> t != HandOffType.LEAD_CRISIS_HOLD).isPresent();
        if (type.isEmpty() || outreach && (lead.stage() == Stage.CRISIS_HOLD || transition.from() == Stage.CRISIS_HOLD)) {
            return List.of();
        }
        return plan(workspace, destinations, model, lead, account, type.get(), transition);
    }

    /**
     * The escalation of an MQL that sales did not answer in time: {@code mql.sla_breached}, at the
     * moment the SLA ran out, to the destinations that take it.
     */
    public List<OutboundMessage> planBreach(WorkspaceId workspace, List<Destination> destinations, ScoringModel model,
            LeadState lead, Optional<AccountState> account, SlaTimer timer) {
        Transition breach = new Transition(lead.id(), Stage.MQL, Stage.MQL, timer.dueAt(),
                "not accepted or rejected by sales within the SLA (qualified " + timer.qualifiedAt() + ")",
                new Actor.System("sales-sla"));
        return plan(workspace, destinations, model, lead, account, HandOffType.MQL_SLA_BREACHED, breach);
    }

    private List<OutboundMessage> plan(WorkspaceId workspace, List<Destination> destinations, ScoringModel model,
            LeadState lead, Optional<AccountState> account, HandOffType type, Transition transition) {
        if (destinations.isEmpty()) {
            return List.of();
        }
        Optional<String> state = lead.traits().attributes().text("state");
        Optional<String> owner = LeadOwner.of(lead, account);
        Predicate<Destination> takes = destination -> destination.takes(type, lead.segment(), state, owner);
        Set<DestinationId> chosen = chosenFromPools(workspace, destinations, lead, takes);
        List<OutboundMessage> messages = new ArrayList<>(1);
        for (Destination destination : destinations) {
            boolean gets = destination.routing().pool().isPresent() ? chosen.contains(destination.id())
                    : takes.test(destination);
            if (!gets) {
                continue;
            }
            if (type == HandOffType.LEAD_CRISIS_HOLD) {
                messages.add(new OutboundMessage(id(workspace, destination, lead, type, transition), destination.id(),
                        lead.id().value(), type, transition.at(), crisisData(model, lead, destination, transition)));
                continue;
            }
            Qualification score = Qualification.of(model, lead, transition.at());
            HandOffData data = new HandOffData(lead.id().value(), lead.segment(), transition.to(), transition.from(),
                    transition.cause(), transition.actor().describe(), lead.model(), score.fit(), score.engagement(),
                    score.learned(),
                    TopReasons.of(model, lead.score(), transition.at(), REASONS),
                    lead.account().map(Object::toString), allowed(lead, destination));
            messages.add(new OutboundMessage(id(workspace, destination, lead, type, transition), destination.id(),
                    lead.id().value(), type, transition.at(), data));
        }
        return messages;
    }

    /** One destination of each pool: its enabled destinations in id order, for one taking the hand-off. */
    private Set<DestinationId> chosenFromPools(WorkspaceId workspace, List<Destination> destinations, LeadState lead,
            Predicate<Destination> takes) {
        Map<Pool, List<Destination>> members = new TreeMap<>(Comparator.comparing(Pool::value));
        for (Destination destination : destinations) {
            destination.routing().pool().filter(pool -> destination.enabled()).ifPresent(pool ->
                    members.computeIfAbsent(pool, p -> new ArrayList<>()).add(destination));
        }
        Set<DestinationId> chosen = new HashSet<>();
        members.forEach((pool, destinationsOfPool) -> {
            destinationsOfPool.sort(Comparator.comparing(destination -> destination.id().value()));
            choose(workspace, pool, destinationsOfPool, lead, takes).ifPresent(chosen::add);
        });
        return chosen;
    }

    /**
     * The destination of the pool that gets this hand-off: the one the pool gave the lead, while it is
     * still an enabled member (if it does not take this hand-off, none does); otherwise the next in
     * turn among those that take it, which the lead is given to from now on.
     */
    private Optional<DestinationId> choose(WorkspaceId workspace, Pool pool, List<Destination> members,
            LeadState lead, Predicate<Destination> takes) {
        Optional<DestinationId> assignee = pools.assignee(workspace, pool, lead.id());
        Optional<Destination> holder = members.stream()
                .filter(member -> assignee.filter(member.id()::equals).isPresent()).findFirst();
        if (holder.isPresent()) {
            return holder.filter(takes).map(Destination::id);
        }
        List<Destination> takers = members.stream().filter(takes).toList();
        if (takers.isEmpty()) {
            return Optional.empty();
        }
        DestinationId next = takers.get(pools.next(workspace, pool, takers.size())).id();
        pools.assign(workspace, pool, lead.id(), next);
        return Optional.of(next);
    }

    /**
     * The clinical alert: who (contact fields the destination lists, never a free-text field, see
     * {@link FreeText}), where and why (the cause names the event, never the text), and no score: crisis
     * language is not a sales signal.
     */
    private static HandOffData crisisData(ScoringModel model, LeadState lead, Destination destination,
            Transition transition) {
        Map<String, Object> fields = new LinkedHashMap<>();
        allowed(lead, destination).asMap().forEach((name, value) -> {
            if (!FreeText.mayHoldFreeText(name) || !(value instanceof String) && !(value instanceof Map<?, ?>)
                    && !(value instanceof List<?>)) {
                fields.put(name, value);
            }
        });
        return new HandOffData(lead.id().value(), lead.segment(), transition.to(), transition.from(),
                transition.cause(), transition.actor().describe(), model.version(), 0, 0, 0, List.of(),
                lead.account().map(Object::toString), Attributes.of(fields));
    }

    /** Only what the destination lists: traits by name, and {@code email} from the lead's traits. */
    private static Attributes allowed(LeadState lead, Destination destination) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : destination.fields()) {
            Object value = lead.traits().attributes().get(field);
            if (value != null) {
                fields.put(field, value);
            }
        }
        return Attributes.of(fields);
    }

    private static String id(WorkspaceId workspace, Destination destination, LeadState lead, HandOffType type,
            Transition transition) {
        return "msg_" + Digests.sha256Hex(workspace.value() + '\u0000' + destination.id().value() + '\u0000'
                + lead.id().value() + '\u0000' + type.wireName() + '\u0000' + transition.at().toEpochMilli()
                + '\u0000' + transition.from().wireName()).substring(0, 32);
    }
}
