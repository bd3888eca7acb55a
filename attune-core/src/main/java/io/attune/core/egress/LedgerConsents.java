package io.attune.core.egress;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead's consent ledger as the egress filter asks it, at the moment of a send: sharing (USE-02) is
 * covered by a {@code share_chd} grant, and a Part 2 disclosure (SUD-01/02) by a
 * {@code part2_written_consent} grant, that names the destination as its recipient — by the
 * destination's id or its name, compared ignoring case — on any channel, unexpired and not revoked
 * at {@code at}. A grant naming nobody, or someone else, covers nothing: both purposes name their
 * recipient.
 */
public final class LedgerConsents implements EgressConsents {
    private final ConsentLedger ledger;
    private final List<Recipient> recipients;
    private final Instant at;

    /** @param recipients the names the destination goes by (its id, its name) */
    public LedgerConsents(ConsentLedger ledger, List<Recipient> recipients, Instant at) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.recipients = List.copyOf(recipients);
        this.at = Objects.requireNonNull(at, "at");
    }

    @Override
    public boolean coversSharing(EgressTarget target) {
        return holds(Purpose.SHARE_CHD);
    }

    @Override
    public boolean coversPart2(EgressTarget target) {
        return holds(Purpose.PART2_WRITTEN_CONSENT);
    }

    private boolean holds(Purpose purpose) {
        return recipients.stream().anyMatch(recipient ->
                ledger.holds(purpose, Optional.empty(), Optional.of(recipient), at));
    }

    @Override
    public String toString() {
        return "LedgerConsents[" + recipients + " at " + at + "]";
    }
}
