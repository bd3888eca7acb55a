package io.attune.core.egress;

import io.attune.core.egress.EgressDecision.Blocked;
import io.attune.core.handoff.HandOffType;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Stage;
import io.attune.core.minors.AgeBand;
import io.attune.core.minors.AgeScreen;
import io.attune.core.model.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What is checked of the lead itself at each send, before its payload is filtered: a lead held in
 * crisis gets nothing but the clinical alert, nor for a cool-down after a clinician clears the hold
 * (CRISIS-04), and a minor consumer goes only to clinical
 * intake (MINOR-01 under 13, MINOR-02 from 13 to 17: service communication, no marketing hand-off).
 * Read at the send, not when the message was queued, so an age or a hold learnt since still counts.
 */
public final class LeadChecks {
    /** The catalogue's example of an organisation's policy (CRISIS-04). */
    public static final Duration DEFAULT_CRISIS_COOL_DOWN = Duration.ofDays(30);

    private final AgeScreen ages = new AgeScreen();
    private final Duration crisisCoolDown;

    public LeadChecks() {
        this(DEFAULT_CRISIS_COOL_DOWN);
    }

    /** @param crisisCoolDown how long after a clinician clears a hold outreach stays suppressed */
    public LeadChecks(Duration crisisCoolDown) {
        this.crisisCoolDown = crisisCoolDown;
    }

    /** Why this message may not leave for a destination of this kind, if it may not. */
    public Optional<Blocked> check(Optional<LeadState> lead, HandOffType type, Segment segment, DestinationKind kind,
            Instant at) {
        if (lead.isEmpty() || type == HandOffType.LEAD_CRISIS_HOLD) {
            return Optional.empty();
        }
        LeadState state = lead.get();
        if (state.stage() == Stage.CRISIS_HOLD) {
            return Optional.of(new Blocked(Set.of(EgressRule.CRISIS_04), "the lead is in crisis hold: only the "
                    + HandOffType.LEAD_CRISIS_HOLD.wireName() + " alert may leave until a clinician clears it"));
        }
        if (state.crisis().suppressesOutreach(at, crisisCoolDown)) {
            return Optional.of(new Blocked(Set.of(EgressRule.CRISIS_04), "a clinician cleared the lead's crisis hold"
                    + " less than " + crisisCoolDown.toDays() + " days ago: outreach waits out the cool-down"));
        }
        if (segment != Segment.CONSUMER || kind == DestinationKind.INTAKE) {
            return Optional.empty();
        }
        AgeBand age = youngest(state.privacy().age(), ages.band(state.traits().attributes(), at));
        if (age == AgeBand.UNDER_13) {
            return Optional.of(new Blocked(Set.of(EgressRule.MINOR_01), "the lead is under 13: only clinical intake"
                    + " may receive it, to reach a parent or guardian"));
        }
        if (age.isMinor()) {
            return Optional.of(new Blocked(Set.of(EgressRule.MINOR_02), "the lead is " + age.wireName()
                    + ": a minor gets service communication through clinical intake only, no marketing hand-off"));
        }
        return Optional.empty();
    }

    private static AgeBand youngest(AgeBand stored, AgeBand now) {
        if (stored == AgeBand.UNKNOWN) {
            return now;
        }
        return now == AgeBand.UNKNOWN || stored.ordinal() < now.ordinal() ? stored : now;
    }
}
