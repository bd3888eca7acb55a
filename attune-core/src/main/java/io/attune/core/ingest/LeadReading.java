package io.attune.core.ingest;

import io.attune.core.account.AccountId;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.model.Segment;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A lead as {@link LeadBook#leadReading} reads it: its segment and account are known at once, its
 * state when {@link #state()} is asked, which may be later and on another thread, and touches the
 * book no more. The state asked for has this id, segment and account.
 */
public record LeadReading(LeadId id, Segment segment, Optional<AccountId> account, Supplier<LeadState> state) {
    public LeadReading {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
    }

    /** A reading of a state already at hand. */
    public static LeadReading of(LeadState lead) {
        return new LeadReading(lead.id(), lead.segment(), lead.account(), () -> lead);
    }
}
