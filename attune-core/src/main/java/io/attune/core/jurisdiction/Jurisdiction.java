package io.attune.core.jurisdiction;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a consumer's data is governed from (STATE-01): the US states that any signal points to —
 * residence in the traits, the phone's area code, or where an event was collected — and whether
 * any signal said anything at all (a country outside the US is a signal too). {@code signals}
 * names the kinds of signal used, never their values.
 */
public record Jurisdiction(Set<String> states, boolean known, List<String> signals) {
    public static final Jurisdiction UNKNOWN = new Jurisdiction(Set.of(), false, List.of());

    public Jurisdiction {
        states = Collections.unmodifiableSortedSet(new TreeSet<>(states));
        signals = List.copyOf(signals);
    }

    /** The consent laws that apply: those of every state signalled, or all of them when nothing is known and the workspace assumes the strictest. */
    public Set<HealthDataLaw> laws(UnknownJurisdiction unknown) {
        if (!known && unknown == UnknownJurisdiction.STRICTEST) {
            return HealthDataLaw.all();
        }
        return HealthDataLaw.of(states);
    }
}
