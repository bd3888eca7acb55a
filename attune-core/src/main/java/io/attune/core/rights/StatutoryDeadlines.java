package io.attune.core.rights;

import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * The deadline of a rights request (USE-06) from the consumer's jurisdiction (STATE-01): of the laws
 * of every state the consumer is tied to, the one whose clock ends first sets it (the first in
 * {@link PrivacyLaw}'s order on a tie); a consumer of no such state gets the 45-day default, and one
 * whose state is unknown, in a workspace that assumes the strictest, every law's.
 *
 * <p>A consent withdrawal is due at once under every law: Washington's act stops collection and
 * sharing on withdrawal, and the engine applies the strictest reading everywhere; nothing extends it.
 */
public final class StatutoryDeadlines {
    /** Under the catalogue's default: where nothing tells a consumer's state, every law applies. */
    public static final StatutoryDeadlines STANDARD = new StatutoryDeadlines(UnknownJurisdiction.STRICTEST);

    private final UnknownJurisdiction unknown;

    public StatutoryDeadlines(UnknownJurisdiction unknown) {
        this.unknown = unknown;
    }

    public Deadline of(RequestKind kind, Jurisdiction jurisdiction, Instant received) {
        PrivacyLaw law = laws(jurisdiction).stream()
                .min(Comparator.comparingInt(PrivacyLaw::responseDays).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        if (kind == RequestKind.CONSENT_WITHDRAWAL) {
            return new Deadline(law, received, 0);
        }
        return new Deadline(law, received.plus(Duration.ofDays(law.responseDays())), law.extensionDays());
    }

    private Set<PrivacyLaw> laws(Jurisdiction jurisdiction) {
        if (!jurisdiction.known() && unknown == UnknownJurisdiction.STRICTEST) {
            return EnumSet.allOf(PrivacyLaw.class);
        }
        Set<PrivacyLaw> laws = EnumSet.noneOf(PrivacyLaw.class);
        jurisdiction.states().forEach(state -> PrivacyLaw.ofState(state).ifPresent(laws::add));
        if (laws.isEmpty()) {
            laws.add(PrivacyLaw.OTHER_STATES);
        }
        return laws;
    }
}
