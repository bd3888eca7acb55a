package io.attune.core.lead;

import io.attune.core.event.Attributes;
import io.attune.core.identity.Identity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lead has said about themselves (identify traits, merged over time) and the facts map
 * rule conditions see as {@code lead}: the traits plus {@code emailDomain}. Built once per change,
 * not per event.
 */
public final class LeadTraits {
    public static final LeadTraits NONE = new LeadTraits(Attributes.EMPTY);

    private final Attributes traits;
    private final Map<String, Object> facts;

    private LeadTraits(Attributes traits) {
        this.traits = traits;
        Map<String, Object> facts = new LinkedHashMap<>(traits.asMap());
        email().flatMap(Identity::emailDomain).ifPresent(domain -> facts.put("emailDomain", domain));
        this.facts = Collections.unmodifiableMap(facts);
    }

    public static LeadTraits of(Attributes traits) {
        Objects.requireNonNull(traits, "traits");
        return traits.isEmpty() ? NONE : new LeadTraits(traits);
    }

    public Attributes attributes() {
        return traits;
    }

    public Map<String, Object> facts() {
        return facts;
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
