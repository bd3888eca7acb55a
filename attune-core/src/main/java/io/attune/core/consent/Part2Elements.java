package io.attune.core.consent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The elements 42 CFR §2.31 asks of a Part 2 written consent (SUD-02) beyond those every grant
 * carries — the recipient, the expiry ({@code expiresAt}) and the signature and its date (a
 * {@code method} of {@code e_signature} or {@code written}, and {@code capturedAt}): the patient's
 * name, who may disclose, what may be disclosed "in a specific and meaningful fashion", the purpose,
 * that the form stated the right to revoke, and whether it carried the HIPAA redisclosure statement
 * (needed when the recipient is a HIPAA covered entity or business associate).
 *
 * <p>A general release ("all records", "any information") does not describe the information
 * specifically, so it is refused: §2.31 says a general medical release is not sufficient.
 */
public record Part2Elements(String patientName, String discloser, String information, String purpose,
        boolean revocable, boolean redisclosureStatement) {
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 2_000;
    public static final List<String> FIELDS = List.of("patientName", "discloser", "information", "purpose",
            "revocable", "redisclosureStatement");
    /** How a Part 2 consent may be signed: by hand or electronically, never a ticked box or by voice. */
    public static final Set<CaptureMethod> SIGNED = Set.of(CaptureMethod.E_SIGNATURE, CaptureMethod.WRITTEN);

    /** Descriptions that name no information in particular (compared ignoring case and a final full stop). */
    private static final Set<String> GENERAL_RELEASES = Set.of("all", "all records", "all my records",
            "all information", "all of my information", "any information", "any and all records",
            "any and all information", "medical records", "my records", "my medical records", "everything",
            "all medical records", "all health information");

    public Part2Elements {
        patientName = required(patientName, "patient name", MAX_NAME);
        discloser = required(discloser, "discloser", MAX_NAME);
        information = required(information, "information", MAX_TEXT);
        purpose = required(purpose, "purpose", MAX_TEXT);
        if (isGeneralRelease(information)) {
            throw new IllegalArgumentException("the information is described specifically, not as a general release");
        }
        if (!revocable) {
            throw new IllegalArgumentException("a Part 2 consent states the right to revoke it");
        }
    }

    /** Whether {@code description} is a general release rather than a specific description. */
    public static boolean isGeneralRelease(String description) {
        String plain = description.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\.$", "");
        return GENERAL_RELEASES.contains(plain);
    }

    /**
     * Whether a disclosure to this recipient may rest on these elements: one that is a HIPAA covered
     * entity or business associate needs the redisclosure statement.
     */
    public boolean covers(boolean hipaaRecipient) {
        return redisclosureStatement || !hipaaRecipient;
    }

    private static String required(String value, String what, int max) {
        Objects.requireNonNull(value, what);
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new IllegalArgumentException("the " + what + " is 1-" + max + " characters");
        }
        return stripped;
    }
}
