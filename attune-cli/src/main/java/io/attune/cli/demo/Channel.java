package io.attune.cli.demo;

import java.util.Locale;

/** Where a demo person first came from: the lead source taxonomy of DESIGN.md. */
public enum Channel {
    /** Organic search on symptom, condition and category queries. */
    ORGANIC_SEARCH,
    PAID_SEARCH,
    PAID_SOCIAL,
    LINKEDIN,
    /** HR and benefits publications: SHRM, HR Dive, BenefitsPRO, Employee Benefit News. */
    HR_PUBLICATION,
    /** Association partnerships: NAMI, Mental Health America, the National Council. */
    ASSOCIATION_PARTNER,
    /** EAP and managed care: Optum, Cigna Evernorth, Magellan; managed-care media for plan buyers. */
    EAP_MANAGED_CARE,
    /** The referral network: primary care practices, hospitals, clinician networks. */
    REFERRAL_NETWORK,
    /** Grant programmes and state contracts (SAMHSA, state behavioral-health associations). */
    GRANTS_AND_CONTRACTS,
    EVENTS_AND_WEBINARS,
    EMAIL,
    DIRECT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
