package io.attune.core.egress;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.Part2Elements;
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
 *
 * <p>A Part 2 grant covers a disclosure only with every element 42 CFR §2.31 asks for (SUD-02,
 * {@link Part2Elements}), and, when the destination is a HIPAA covered entity or business associate,
 * the redisclosure statement. A grant recorded before the elements were asked for has none: when
 * unsure, block.
 */
public final class LedgerConsents implements EgressConsents {
    private final ConsentLedger ledger;
    private final List<Recipient> recipients;
    private final Instant at;
    private final boolean hipaaRecipient;

    /**
     * @param recipients the names the destination goes by (its id, its name)
     * @param hipaaRecipient whether the destination is a HIPAA covered entity or business associate
     */
    public LedgerConsents(ConsentLedger ledger, List<Recipient> recipients, Instant at, boolean hipaaRecipient) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.recipients = List.copyOf(recipients);
        this.at = Objects.requireNonNull(at, "at");
        this.hipaaRecipient = hipaaRecipient;
    }

    @Override
    public boolean coversSharing(EgressTarget target) {
        return recipients.stream().anyMatch(recipient ->
                ledger.holds(Purpose.SHARE_CHD, Optional.empty(), Optional.of(recipient), at));
    }

    @Override
    public boolean coversPart2(EgressTarget target) {
        return recipients.stream().anyMatch(recipient -> ledger.holding(Purpose.PART2_WRITTEN_CONSENT,
                Optional.empty(), Optional.of(recipient), at)
                .flatMap(ConsentRecord::part2)
                .filter(elements -> elements.covers(hipaaRecipient))
                .isPresent());
    }

    @Override
    public String toString() {
        return "LedgerConsents[" + recipients + " at " + at + (hipaaRecipient ? ", covered entity or business"
                + " associate" : "") + "]";
    }
}
