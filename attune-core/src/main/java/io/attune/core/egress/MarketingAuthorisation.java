package io.attune.core.egress;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.egress.EgressDecision.Blocked;
import io.attune.core.event.Attributes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * HIPAA's marketing rule (USE-03): a current or former patient's status is PHI, and using it to
 * encourage them to buy or use a service needs a HIPAA marketing authorisation
 * ({@code hipaa_marketing_auth}) naming the organisation or the destination. Clinical intake is
 * treatment and care coordination, the rule's exception, so it is not asked for one.
 */
public final class MarketingAuthorisation {
    private static final Set<String> PATIENT_STATUSES = Set.of("current", "former", "active", "discharged",
            "patient", "past");

    /** Why a hand-off about this lead may not go to a destination of this kind, if it may not. */
    public Optional<Blocked> check(Attributes traits, DestinationKind kind, ConsentLedger consents,
            List<Recipient> authorised, Instant at) {
        if (kind == DestinationKind.INTAKE || !patient(traits)) {
            return Optional.empty();
        }
        boolean authorisedNow = authorised.stream().anyMatch(recipient -> consents.holds(
                Purpose.HIPAA_MARKETING_AUTH, Optional.empty(), Optional.of(recipient), at));
        return authorisedNow ? Optional.empty() : Optional.of(new Blocked(Set.of(EgressRule.USE_03),
                "the lead is a current or former patient: marketing to them needs a HIPAA marketing authorisation"
                        + " (hipaa_marketing_auth) naming the organisation or this destination"));
    }

    /** {@code isPatient} or {@code formerPatient} set, or a {@code patientStatus} that says they are or were one. */
    static boolean patient(Attributes traits) {
        if (Boolean.TRUE.equals(traits.get("isPatient")) || Boolean.TRUE.equals(traits.get("formerPatient"))) {
            return true;
        }
        return traits.text("patientStatus").map(status -> PATIENT_STATUSES.contains(
                status.strip().toLowerCase(Locale.ROOT))).orElse(false);
    }
}
