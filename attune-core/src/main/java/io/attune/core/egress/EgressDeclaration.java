package io.attune.core.egress;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a destination declares about itself for the egress policy (TRK-01, default deny): what it is
 * ({@code kind}), whether a business associate agreement ({@code baaSigned}) and a Part 2
 * qualified-service-organisation agreement ({@code part2Agreement}) are in place, and how money moves
 * with the leads sent to it ({@code remuneration}). Its allow-list is the destination's own field list;
 * {@link #policy} joins the two.
 *
 * <p>The hand-off envelope ({@link HandOffPayloads#ENVELOPE}: lead id, account, segment, stage, cause,
 * actor, model version, score, reasons) is implicitly allow-listed for the destinations a hand-off is
 * meant for — CRM, intake, email, SMS and referral partners — and still subject to every other rule
 * (a consumer's stage and score need a BAA, a lead id is pseudonymised where identifiers may not go).
 * It is never implicit for advertising or analytics: there each envelope name must be listed by name,
 * and the ceiling keeps scores and stages out anyway (TRK-08).
 */
public record EgressDeclaration(DestinationKind kind, boolean baaSigned, boolean part2Agreement,
        Remuneration remuneration) {

    public EgressDeclaration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remuneration, "remuneration");
        if (kind == DestinationKind.AD_PLATFORM && baaSigned) {
            throw new IllegalArgumentException("an ad_platform cannot be declared with a BAA: ad platforms are treated"
                    + " as having none (TRK-02)");
        }
    }

    /** A destination of this kind with no agreements and no remuneration. */
    public static EgressDeclaration of(DestinationKind kind) {
        return new EgressDeclaration(kind, false, false, Remuneration.NONE);
    }

    /** This declaration with a BAA in place. */
    public EgressDeclaration withBaa() {
        return new EgressDeclaration(kind, true, part2Agreement, remuneration);
    }

    /** Whether the hand-off envelope is allowed without being listed (see the class comment). */
    public boolean envelopeImplied() {
        return !kind.isTracking();
    }

    /** The policy of a destination so declared that lists {@code fields}. */
    public EgressPolicy policy(Set<String> fields) {
        Set<String> allowed = new HashSet<>(fields);
        if (envelopeImplied()) {
            allowed.addAll(HandOffPayloads.ENVELOPE);
        }
        return new EgressPolicy(kind, baaSigned, part2Agreement, remuneration, allowed);
    }
}
