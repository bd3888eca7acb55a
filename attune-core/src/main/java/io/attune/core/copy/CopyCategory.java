package io.attune.core.copy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of trouble in marketing copy that RULES.md §8–11 and §14 name. */
public enum CopyCategory {
    /** Cure, guarantees, numeric success or recovery rates, "clinically proven" (CLAIM-01). */
    OUTCOME_CLAIM,
    /** FDA status, "#1", "award-winning", accreditation (CLAIM-04). */
    CREDENTIAL_CLAIM,
    /** Fear, scarcity and countdowns aimed at people in distress (CRISIS-06). */
    PRESSURE,
    /** "Results not typical" alone, incentivised or sentiment-contingent reviews (CLAIM-02). */
    TESTIMONIAL,
    /** "HIPAA certified", "100% confidential" (USE-07). */
    PRIVACY_CLAIM,
    /** Blanket network claims, parity promises, inducements tied to admission (INS-01, INS-02, SUD-07). */
    INSURANCE_INDUCEMENT,
    /** "Unbiased", "handpicked", "vetted" referral and matching claims (SUD-05, CLAIM-01). */
    REFERRAL_CLAIM,
    /** Stigmatising words with person-first alternatives (LANG-01). */
    STIGMA,
    /** Unsafe suicide messaging: method detail, "epidemic", "committed suicide", no 988 (CRISIS-06). */
    SAFE_MESSAGING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CopyCategory> ofWireName(String name) {
        return Arrays.stream(values()).filter(category -> category.wireName().equals(name)).findFirst();
    }
}
