package io.attune.core.handoff;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a destination takes beyond type, segment and territory. {@code owners}: only leads whose
 * {@linkplain LeadOwner owner} is listed (empty: any lead, owned or not). {@code pool}: a round-robin
 * pool it shares with other destinations; of a pool's destinations that take a hand-off exactly one
 * gets it — the one the pool gave that lead before (sticky), else the next in turn.
 */
public record Routing(Set<String> owners, Optional<Pool> pool) {
    /** Every owner, and no pool. */
    public static final Routing NONE = new Routing(Set.of(), Optional.empty());

    private static final Pattern OWNER = Pattern.compile("\\S{1,100}");

    public Routing {
        owners = Set.copyOf(owners);
        Objects.requireNonNull(pool, "pool");
        for (String owner : owners) {
            if (!OWNER.matcher(owner).matches()) {
                throw new IllegalArgumentException("an owner is a CRM owner id: 1-100 characters without spaces");
            }
        }
    }

    /** Whether a lead with this owner is for the destination. */
    public boolean serves(Optional<String> owner) {
        return owners.isEmpty() || owner.map(owners::contains).orElse(false);
    }
}
