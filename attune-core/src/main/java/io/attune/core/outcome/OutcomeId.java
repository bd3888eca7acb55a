package io.attune.core.outcome;

import io.attune.core.identity.Digests;
import io.attune.core.identity.LeadId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One stored outcome. Derived from the lead, the status, the time and the CRM record id, so that the
 * same update sent twice names the same outcome and is stored once.
 */
public record OutcomeId(String value) implements Comparable<OutcomeId> {
    private static final Pattern SHAPE = Pattern.compile("oc_[0-9a-f]{24}");

    public OutcomeId {
        Objects.requireNonNull(value, "outcome id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("outcome ids look like oc_ and 24 hex digits");
        }
    }

    /** {@code at} counts to the millisecond, the precision outcomes are stored with. */
    public static OutcomeId of(LeadId lead, OutcomeStatus status, Instant at, Optional<CrmRecordId> crmId) {
        String seed = lead.value() + '\u0000' + status.wireName() + '\u0000' + at.toEpochMilli() + '\u0000'
                + crmId.map(CrmRecordId::value).orElse("");
        return new OutcomeId("oc_" + Digests.sha256Hex(seed).substring(0, 24));
    }

    @Override
    public int compareTo(OutcomeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
