package io.attune.core.account;

import io.attune.core.event.Attributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An account's traits (from group calls) and the facts map conditions see as {@code account}. */
public final class AccountTraits {
    private final Attributes traits;
    private final Map<String, Object> facts;

    private AccountTraits(Attributes traits, String domain) {
        this.traits = traits;
        Map<String, Object> facts = new LinkedHashMap<>(traits.asMap());
        if (domain != null) {
            facts.put("domain", domain);
        }
        this.facts = Collections.unmodifiableMap(facts);
    }

    public static AccountTraits of(Attributes traits, String domain) {
        return new AccountTraits(Objects.requireNonNull(traits, "traits"), domain);
    }

    public Attributes attributes() {
        return traits;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountTraits that && facts.equals(that.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        return "AccountTraits" + facts.keySet();
    }
}
