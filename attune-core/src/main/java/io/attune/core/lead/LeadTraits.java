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
 * rule conditions see as {@code lead}: the traits without those the workspace's dictionary calls
 * sensitive (USE-10) plus {@code emailDomain}. The facts are remembered for the last dictionary
 * asked, which for a recording lead is its workspace's until the classification changes.
 */
public final class LeadTraits {
    public static final LeadTraits NONE = new LeadTraits(Attributes.EMPTY);

    private final Attributes traits;
    private volatile Facts last;

    /** The facts under one dictionary; {@code withoutSubstanceUse} is worked out on first use. */
    private static final class Facts {
        private final DataDictionary dictionary;
        private final Map<String, Object> all;
        private volatile Map<String, Object> withoutSubstanceUse;

        private Facts(DataDictionary dictionary, Map<String, Object> all) {
            this.dictionary = dictionary;
            this.all = all;
        }
    }

    private LeadTraits(Attributes traits) {
        this.traits = traits;
    }

    public static LeadTraits of(Attributes traits) {
        Objects.requireNonNull(traits, "traits");
        return traits.isEmpty() ? NONE : new LeadTraits(traits);
    }

    public Attributes attributes() {
        return traits;
    }

    /**
     * What rule conditions see as {@code lead}: the traits without those {@code dictionary} calls
     * sensitive (religion, orientation, gender identity, race and the like are never a scoring
     * feature, USE-10), plus {@code emailDomain}.
     */
    public Map<String, Object> facts(DataDictionary dictionary) {
        return under(dictionary).all;
    }

    /**
     * {@link #facts} without what reveals substance use by {@code dictionary} (a Part 2 flag, or a
     * consumer trait naming a substance or its treatment): what scoring sees of a consumer without
     * Part 2 consent (SUD-01).
     */
    public Map<String, Object> factsWithoutSubstanceUse(DataDictionary dictionary) {
        Facts facts = under(dictionary);
        Map<String, Object> without = facts.withoutSubstanceUse;
        if (without == null) {
            Map<String, Object> kept = new LinkedHashMap<>(facts.all);
            kept.entrySet().removeIf(fact -> dictionary.revealsSubstanceUse(
                    Attributes.of(Map.of(fact.getKey(), fact.getValue())), Segment.CONSUMER));
            without = kept.size() == facts.all.size() ? facts.all : Collections.unmodifiableMap(kept);
            facts.withoutSubstanceUse = without;
        }
        return without;
    }

    private Facts under(DataDictionary dictionary) {
        Objects.requireNonNull(dictionary, "dictionary");
        Facts known = last;
        if (known != null && known.dictionary == dictionary) {
            return known;
        }
        Map<String, Object> facts = new LinkedHashMap<>(traits.asMap());
        facts.keySet().removeIf(name -> dictionary.known(name).filter(c -> c == DataClass.SENSITIVE).isPresent());
        email().flatMap(Identity::emailDomain).ifPresent(domain -> facts.put("emailDomain", domain));
        Facts built = new Facts(dictionary, Collections.unmodifiableMap(facts));
        last = built;
        return built;
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
