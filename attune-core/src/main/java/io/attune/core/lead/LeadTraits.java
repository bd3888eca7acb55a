package io.attune.core.lead;

import io.attune.core.event.Attributes;
import io.attune.core.identity.Identity;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lead has said about themselves (identify traits, merged over time) and the facts map
 * rule conditions see as {@code lead}: the traits without sensitive attributes (USE-10) plus
 * {@code emailDomain}. Built once per change, not per event.
 */
public final class LeadTraits {
    private static final DataDictionary DICTIONARY = DataDictionary.defaults();
    public static final LeadTraits NONE = new LeadTraits(Attributes.EMPTY);

    private final Attributes traits;
    private final Map<String, Object> facts;
    private volatile Map<String, Object> withoutSubstanceUse;

    private LeadTraits(Attributes traits) {
        this.traits = traits;
        Map<String, Object> facts = new LinkedHashMap<>(traits.asMap());
        facts.keySet().removeIf(LeadTraits::sensitive);
        email().flatMap(Identity::emailDomain).ifPresent(domain -> facts.put("emailDomain", domain));
        this.facts = Collections.unmodifiableMap(facts);
    }

    /** Religion, orientation, gender identity, race and the like are never a scoring feature (USE-10). */
    private static boolean sensitive(String name) {
        return DICTIONARY.known(name).filter(dataClass -> dataClass == DataClass.SENSITIVE).isPresent();
    }

    public static LeadTraits of(Attributes traits) {
        Objects.requireNonNull(traits, "traits");
        return traits.isEmpty() ? NONE : new LeadTraits(traits);
    }

    public Attributes attributes() {
        return traits;
    }

    /** What rule conditions see as {@code lead}: the traits without sensitive attributes (USE-10), plus {@code emailDomain}. */
    public Map<String, Object> facts() {
        return facts;
    }

    /**
     * {@link #facts()} without what reveals substance use (a Part 2 flag, or a consumer trait naming a
     * substance or its treatment): what scoring sees of a consumer without Part 2 consent (SUD-01).
     */
    public Map<String, Object> factsWithoutSubstanceUse() {
        Map<String, Object> without = withoutSubstanceUse;
        if (without == null) {
            Map<String, Object> kept = new LinkedHashMap<>(facts);
            kept.entrySet().removeIf(fact -> DICTIONARY.revealsSubstanceUse(
                    Attributes.of(Map.of(fact.getKey(), fact.getValue())), Segment.CONSUMER));
            without = kept.size() == facts.size() ? facts : Collections.unmodifiableMap(kept);
            withoutSubstanceUse = without;
        }
        return without;
    }

    public Optional<Identity> email() {
        return traits.text("email").flatMap(Identity::email);
    }

    /** These traits with {@code newer} laid over them; the same instance when nothing changes (a repeated identify). */
    public LeadTraits overlaidWith(Attributes newer) {
        if (newer.isEmpty() || changesNothing(newer)) {
            return this;
        }
        return of(traits.overlaidWith(newer));
    }

    private boolean changesNothing(Attributes newer) {
        for (Map.Entry<String, Object> entry : newer.asMap().entrySet()) {
            if (!entry.getValue().equals(traits.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeadTraits that && traits.equals(that.traits);
    }

    @Override
    public int hashCode() {
        return traits.hashCode();
    }

    @Override
    public String toString() {
        return "LeadTraits" + traits.asMap().keySet();
    }
}
