package io.attune.core.handoff;

import io.attune.core.event.Attributes;
import io.attune.core.identity.Digests;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ScoringModel;
import io.attune.core.scoring.Qualification;
import io.attune.core.scoring.TopReasons;
import io.attune.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which destinations hear of a lead's move and what each may be told: a destination gets
 * the move if it takes that type, serves the lead's segment and territory (state), and receives only
 * the lead fields it lists. Pure: the same move gives the same messages, with the same ids.
 */
public final class HandOffPlanner {
    private static final int REASONS = 5;

    public List<OutboundMessage> plan(WorkspaceId workspace, List<Destination> destinations, ScoringModel model,
            LeadState lead, Transition transition) {
        Optional<HandOffType> type = HandOffType.reaching(transition.to());
        if (type.isEmpty() || destinations.isEmpty()) {
            return List.of();
        }
        Optional<String> state = lead.traits().attributes().text("state");
        List<OutboundMessage> messages = new ArrayList<>(1);
        for (Destination destination : destinations) {
            if (!destination.takes(type.get(), lead.segment(), state)) {
                continue;
            }
            Qualification score = Qualification.of(model, lead, transition.at());
            HandOffData data = new HandOffData(lead.id().value(), lead.segment(), transition.to(), transition.from(),
                    transition.cause(), transition.actor().describe(), lead.model(), score.fit(), score.engagement(),
                    TopReasons.of(model, lead.score(), transition.at(), REASONS),
                    lead.account().map(Object::toString), allowed(lead, destination));
            messages.add(new OutboundMessage(id(workspace, destination, lead, type.get(), transition), destination.id(),
                    lead.id().value(), type.get(), transition.at(), data));
        }
        return messages;
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
