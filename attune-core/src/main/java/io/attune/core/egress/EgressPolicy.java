package io.attune.core.egress;

import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one destination may receive (TRK-01, default deny): its kind, whether a business associate
 * agreement ({@code baaSigned}) and a Part 2 qualified-service-organisation agreement
 * ({@code part2Agreement}) are in place, how it is paid ({@code remuneration}), and the properties
 * it may receive by exact name ({@code allowedProperties}; nothing else ever leaves for it).
 *
 * <p>Above the allow-list sits a ceiling set by the kind and agreements, which no allow-list can
 * lift — see {@link #barring}. Ad platforms are treated as having no BAA (TRK-02), so one cannot be
 * declared with a BAA.
 */
public record EgressPolicy(DestinationKind kind, boolean baaSigned, boolean part2Agreement,
        Remuneration remuneration, Set<String> allowedProperties) {

    public EgressPolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remuneration, "remuneration");
        allowedProperties = Set.copyOf(allowedProperties);
        if (kind == DestinationKind.AD_PLATFORM && baaSigned) {
            throw new IllegalArgumentException("baaSigned cannot be true for an ad_platform: ad platforms are treated"
                    + " as having no BAA (TRK-02)");
        }
        for (String property : allowedProperties) {
            if (property.isBlank() || property.length() > 200) {
                throw new IllegalArgumentException("an allowed property is a name of 1-200 characters");
            }
        }
    }

    /** A destination of this kind that may receive nothing: no agreements, no remuneration, no properties. */
    public static EgressPolicy denyAll(DestinationKind kind) {
        return new EgressPolicy(kind, false, false, Remuneration.NONE, Set.of());
    }

    /** Whether the destination allow-lists this property (exact name). */
    public boolean allows(String property) {
        return allowedProperties.contains(property);
    }

    /** Whether it may receive PHI at all: a BAA, and not advertising or analytics. */
    public boolean receivesPhi() {
        return baaSigned && !kind.isTracking();
    }

    /**
     * The rules that keep data of this class, about a lead of this segment, from this destination
     * whatever its allow-list says; empty when the class may leave. A consumer lead is PHI, so for a
     * consumer everything personal needs a BAA.
     *
     * <table>
     * <caption>The ceiling</caption>
     * <tr><th>class</th><th>advertising, analytics</th><th>others without a BAA</th><th>others with a BAA</th></tr>
     * <tr><td>sensitive</td><td>USE-10</td><td>USE-10</td><td>USE-10</td></tr>
     * <tr><td>health</td><td>USE-01</td><td>TRK-02</td><td>—</td></tr>
     * <tr><td>substance use</td><td>USE-01, SUD-01</td><td>TRK-02 (+ SUD-01 without QSO)</td>
     *     <td>without QSO: TRK-02, SUD-01</td></tr>
     * <tr><td>minor</td><td>TRK-05</td><td>TRK-02</td><td>—</td></tr>
     * <tr><td>identifier, contact</td><td>TRK-05</td><td>consumer: TRK-05</td><td>—</td></tr>
     * <tr><td>location, business contact</td><td>consumer: TRK-05</td><td>consumer: TRK-02</td><td>—</td></tr>
     * <tr><td>score</td><td>TRK-08</td><td>consumer: TRK-02</td><td>—</td></tr>
     * <tr><td>technical, page, click id</td><td>—</td><td>—</td><td>—</td></tr>
     * </table>
     * Page context leaves as content groups wherever health may not ({@link #receivesPhi()} false).
     */
    public Set<EgressRule> barring(DataClass dataClass, Segment segment) {
        boolean tracking = kind.isTracking();
        boolean consumer = segment == Segment.CONSUMER;
        boolean phi = receivesPhi();
        return switch (dataClass) {
            case SENSITIVE -> Set.of(EgressRule.USE_10);
            case HEALTH -> tracking ? Set.of(EgressRule.USE_01) : phi ? Set.of() : Set.of(EgressRule.TRK_02);
            case SUBSTANCE_USE -> substanceUse(tracking, phi);
            case MINOR -> tracking ? Set.of(EgressRule.TRK_05) : phi ? Set.of() : Set.of(EgressRule.TRK_02);
            case IDENTIFIER, CONTACT -> tracking || consumer && !phi ? Set.of(EgressRule.TRK_05) : Set.of();
            case LOCATION, BUSINESS_CONTACT -> !consumer || phi ? Set.of()
                    : tracking ? Set.of(EgressRule.TRK_05) : Set.of(EgressRule.TRK_02);
            case SCORE -> tracking ? Set.of(EgressRule.TRK_08)
                    : consumer && !phi ? Set.of(EgressRule.TRK_02) : Set.of();
            case TECHNICAL, PAGE, CLICK_ID -> Set.of();
        };
    }

    private Set<EgressRule> substanceUse(boolean tracking, boolean phi) {
        if (tracking) {
            return Set.of(EgressRule.USE_01, EgressRule.SUD_01);
        }
        Set<EgressRule> rules = EnumSet.noneOf(EgressRule.class);
        if (!phi) {
            rules.add(EgressRule.TRK_02);
        }
        if (!part2Agreement) {
            rules.add(EgressRule.TRK_02);
            rules.add(EgressRule.SUD_01);
        }
        return rules;
    }
}
