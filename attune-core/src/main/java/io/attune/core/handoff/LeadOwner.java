package io.attune.core.handoff;

import io.attune.core.account.AccountState;
import io.attune.core.event.Attributes;
import io.attune.core.lead.LeadState;
import java.util.Optional;

/**
 * Who owns a lead in the CRM: its own {@value #TRAIT} trait if it has one, else its account's
 * (B2B: from the group call's traits). CRMs name it {@code hubspot_owner_id} or {@code OwnerId};
 * an integration maps that to {@value #TRAIT}. A number is taken as its decimal digits.
 */
public final class LeadOwner {
    public static final String TRAIT = "owner";

    private LeadOwner() {
    }

    public static Optional<String> of(LeadState lead, Optional<AccountState> account) {
        Optional<String> own = of(lead.traits().attributes());
        return own.isPresent() ? own : account.flatMap(a -> of(a.traits().attributes()));
    }

    private static Optional<String> of(Attributes traits) {
        Object value = traits.get(TRAIT);
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text.strip());
        }
        return value instanceof Long number ? Optional.of(number.toString()) : Optional.empty();
    }
}
