package io.attune.core.egress;

import java.util.Optional;

/** The rules of RULES.md the egress filter enforces; {@link #id()} is the catalogue's id, as recorded. */
public enum EgressRule {
    TRK_01("TRK-01", "default deny: only the properties a destination allow-lists leave for it"),
    TRK_02("TRK-02", "no PHI to a destination without a BAA, and no Part 2 data without a QSO agreement"),
    TRK_03("TRK-03", "nothing from authenticated or health-intent pages reaches advertising or analytics,"
            + " and only identifier-free events from educational ones"),
    TRK_04("TRK-04", "URLs, titles, referrers, search terms and campaign values leave only as content groups"),
    TRK_05("TRK-05", "identifiers are stripped for advertising, analytics and non-BAA destinations;"
            + " user ids become rotating pseudonyms"),
    TRK_06("TRK-06", "event names and parameters must not describe a service, condition or level of care"),
    TRK_07("TRK-07", "leads are never uploaded to an ad platform as an audience"),
    TRK_08("TRK-08", "lead scores and stages never feed advertising or analytics"),
    USE_01("USE-01", "health information never reaches advertising or analytics"),
    USE_02("USE-02", "sharing with a third party needs the lead's affirmative express consent"),
    USE_03("USE-03", "a current or former patient is marketed to only under a HIPAA marketing authorisation"),
    USE_04("USE-04", "no lead data to a destination paid or paying in connection with it"),
    USE_10("USE-10", "sensitive attributes (religion, orientation, gender identity, race…) never leave"),
    SUD_01("SUD-01", "substance-use data leaves only under a Part 2 consent that covers the disclosure"),
    SUD_04("SUD-04", "substance-use leads never go to a destination paid per lead, call, admission or"
            + " revenue share"),
    STATE_03("STATE-03", "consumer health data goes to a third party only under a separate consent to share naming it"),
    MINOR_01("MINOR-01", "a child under 13 is routed only to clinical intake, to reach a parent or guardian"),
    MINOR_02("MINOR-02", "a minor of 13 to 17 gets no marketing hand-off, sale or advertising"),
    TCPA_01("TCPA-01", "marketing texts only with prior express written consent naming the organisation"),
    TCPA_02("TCPA-02", "marketing texts only from 08:00 to 20:00 in every time zone the person may be in"),
    TCPA_03("TCPA-03", "at most 3 marketing texts to a person in any 24 hours"),
    EMAIL_02("EMAIL-02", "no marketing email to an address that opted out"),
    CRISIS_04("CRISIS-04", "no marketing or sales hand-off leaves for a lead in crisis hold, only the clinical alert");

    private final String id;
    private final String summary;

    EgressRule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    /** The catalogue id, e.g. {@code TRK-01}. */
    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    /** The rule with this catalogue id, e.g. {@code TRK-01}. */
    public static Optional<EgressRule> fromId(String id) {
        for (EgressRule rule : values()) {
            if (rule.id.equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
