package io.attune.core.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The stage machine: which moves are legal. An illegal move is refused with a reason. */
public final class Lifecycle {
    private static final Map<Stage, Set<Stage>> NEXT = new EnumMap<>(Stage.class);

    static {
        allow(Stage.SUBSCRIBER, Stage.LEAD, Stage.MQL, Stage.DISQUALIFIED, Stage.WAITLISTED, Stage.CRISIS_HOLD);
        allow(Stage.LEAD, Stage.MQL, Stage.DISQUALIFIED, Stage.WAITLISTED, Stage.CRISIS_HOLD);
        allow(Stage.MQL, Stage.SQL, Stage.RECYCLED, Stage.DISQUALIFIED, Stage.CRISIS_HOLD);
        allow(Stage.SQL, Stage.OPPORTUNITY, Stage.RECYCLED, Stage.DISQUALIFIED, Stage.CRISIS_HOLD);
        allow(Stage.OPPORTUNITY, Stage.CUSTOMER, Stage.RECYCLED, Stage.DISQUALIFIED, Stage.CRISIS_HOLD);
        allow(Stage.CUSTOMER, Stage.CRISIS_HOLD);
        allow(Stage.RECYCLED, Stage.LEAD, Stage.MQL, Stage.DISQUALIFIED, Stage.CRISIS_HOLD);
        allow(Stage.DISQUALIFIED, Stage.SUBSCRIBER, Stage.LEAD, Stage.CRISIS_HOLD);
        allow(Stage.WAITLISTED, Stage.LEAD, Stage.MQL, Stage.DISQUALIFIED, Stage.CRISIS_HOLD);
        allow(Stage.CRISIS_HOLD, Stage.LEAD);
    }

    private Lifecycle() {
    }

    private static void allow(Stage from, Stage... to) {
        NEXT.put(from, Set.copyOf(EnumSet.of(to[0], to)));
    }

    public static boolean allows(Stage from, Stage to) {
        return NEXT.get(from).contains(to);
    }

    /** The reason a move is refused, or empty text when it is allowed. */
    public static String refusal(Stage from, Stage to) {
        if (allows(from, to)) {
            return "";
        }
        return "a lead cannot move from " + from.wireName() + " to " + to.wireName() + "; from "
                + from.wireName() + " it can move to " + NEXT.get(from).stream().map(Stage::wireName).sorted().toList();
    }
}
