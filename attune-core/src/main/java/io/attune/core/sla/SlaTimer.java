package io.attune.core.sla;

import io.attune.core.identity.LeadId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock sales races for one qualification of a lead: started when it became an MQL, due after
 * the workspace's SLA. It is met when sales accepts or rejects in time; breached when the due time
 * passes first (escalated, while the lead is still waiting) or when the answer comes late; void when
 * the lead stopped being an MQL another way (merged into another lead).
 */
public record SlaTimer(LeadId lead, Instant qualifiedAt, Instant dueAt, Status status, Optional<Instant> breachedAt,
        Optional<Instant> closedAt) {

    public enum Status {
        OPEN, MET, BREACHED, VOID;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public SlaTimer {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(qualifiedAt, "qualifiedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(breachedAt, "breachedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    /** Breached and still waiting for sales. */
    public boolean overdue() {
        return status == Status.BREACHED && closedAt.isEmpty();
    }
}
