package io.attune.core.channels;

import io.attune.core.consent.Channel;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDecision;
import io.attune.core.egress.EgressRule;
import io.attune.core.event.Attributes;
import io.attune.core.jurisdiction.Jurisdiction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of the channels that reach a person directly, checked at each send to an SMS or email
 * destination: a marketing text needs prior express written consent naming the organisation
 * (TCPA-01), goes only from 08:00 to 20:00 in every time zone the person may be in (TCPA-02) and at
 * most three times in 24 hours (TCPA-03) — held until allowed, not dropped; a marketing email never
 * goes to an address that opted out (EMAIL-02). Consent is read from the ledger at the send, so a
 * STOP recorded a moment ago (TCPA-04) already counts.
 */
public final class ChannelRules {
    static final int TEXTS_PER_DAY = 3;
    static final Duration DAY = Duration.ofHours(24);

    private final CandidateZones zones = new CandidateZones();
    private final QuietHours quietHours = new QuietHours();

    /** What the lead's channel rules say of this send; empty when they allow it now. */
    public Optional<EgressDecision> check(Context context) {
        if (context.kind() == DestinationKind.SMS) {
            return text(context);
        }
        if (context.kind() == DestinationKind.EMAIL && optedOutOfEmail(context.consents(), context.at())) {
            return Optional.of(new EgressDecision.Blocked(Set.of(EgressRule.EMAIL_02),
                    "the address opted out of marketing email"));
        }
        return Optional.empty();
    }

    /**
     * One send to a person: the destination's kind, the lead's traits and jurisdiction, its ledger,
     * who counts as the seller a consent must name, and when the other marketing texts to the lead
     * in the last 24 hours were first sent.
     */
    public record Context(DestinationKind kind, Attributes traits, Jurisdiction jurisdiction, ConsentLedger consents,
            List<Recipient> sellers, List<Instant> recentTexts, Instant at) {
        public Context {
            sellers = List.copyOf(sellers);
            recentTexts = List.copyOf(recentTexts);
        }
    }

    private Optional<EgressDecision> text(Context context) {
        boolean consented = context.sellers().stream().anyMatch(seller -> context.consents()
                .holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), Optional.of(seller), context.at()));
        if (!consented) {
            return Optional.of(new EgressDecision.Blocked(Set.of(EgressRule.TCPA_01), "no prior express written"
                    + " consent to marketing texts naming " + context.sellers().stream().map(Recipient::name)
                    .collect(Collectors.joining(" or "))));
        }
        Set<ZoneId> candidates = zones.of(context.traits(), context.jurisdiction());
        Optional<Instant> opens;
        try {
            opens = quietHours.heldUntil(candidates, context.at());
        } catch (IllegalArgumentException e) {
            return Optional.of(new EgressDecision.Blocked(Set.of(EgressRule.TCPA_02), "the person's possible time"
                    + " zones " + sorted(candidates) + " share no hour between 08:00 and 20:00"));
        }
        if (opens.isPresent()) {
            return Optional.of(new EgressDecision.Held(Set.of(EgressRule.TCPA_02), "outside 08:00-20:00 in "
                    + sorted(candidates), opens.get()));
        }
        List<Instant> today = context.recentTexts().stream().filter(sent -> sent.isAfter(context.at().minus(DAY)))
                .sorted(Comparator.reverseOrder()).toList();
        if (today.size() >= TEXTS_PER_DAY) {
            // the send that frees a place is the third most recent; it leaves the 24 hours then
            Instant frees = today.get(TEXTS_PER_DAY - 1).plus(DAY);
            return Optional.of(new EgressDecision.Held(Set.of(EgressRule.TCPA_03), TEXTS_PER_DAY
                    + " marketing texts were sent to the person in the last 24 hours", frees));
        }
        return Optional.empty();
    }

    /** Whether the latest say on marketing email, on any recipient, is an opt-out. */
    private static boolean optedOutOfEmail(ConsentLedger consents, Instant at) {
        ConsentRecord latest = null;
        for (ConsentRecord record : consents.history()) {
            if (record.capturedAt().isAfter(at)) {
                break;
            }
            if (record.purpose() == Purpose.EMAIL_MARKETING
                    && (record.channel().isEmpty() || record.channel().get() == Channel.EMAIL)) {
                latest = record;
            }
        }
        return latest != null && !latest.granted();
    }

    private static String sorted(Set<ZoneId> zones) {
        return zones.stream().map(ZoneId::getId).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
