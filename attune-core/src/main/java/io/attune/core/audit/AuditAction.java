package io.attune.core.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an audit entry records, as dotted lower-case words: {@code phi.read}, {@code consent.changed},
 * {@code egress.decided}, {@code policy.override}, or another action a feature defines the same way.
 */
public record AuditAction(String name) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    /** Lead data (PHI for consumer leads) was returned to an API caller. */
    public static final AuditAction PHI_READ = new AuditAction("phi.read");
    /** A lead's consent for a purpose and channel was given, changed or revoked. */
    public static final AuditAction CONSENT_CHANGED = new AuditAction("consent.changed");
    /** The egress policy decided what of an outbound message a destination receives (sent, redacted, blocked). */
    public static final AuditAction EGRESS_DECIDED = new AuditAction("egress.decided");
    /** A person overrode what a policy decided (cleared a crisis hold, released a blocked flow). */
    public static final AuditAction POLICY_OVERRIDE = new AuditAction("policy.override");

    /** A model version was stored as a draft. */
    public static final AuditAction MODEL_DRAFTED = new AuditAction("model.drafted");
    /** A draft model version was proposed for approval. */
    public static final AuditAction MODEL_PROPOSED = new AuditAction("model.proposed");
    /** An approver other than its author approved a model version. */
    public static final AuditAction MODEL_APPROVED = new AuditAction("model.approved");
    /** A model version became the one its segment scores with (a rollback too); every lead was re-scored. */
    public static final AuditAction MODEL_ACTIVATED = new AuditAction("model.activated");
    /** A model version was retired. */
    public static final AuditAction MODEL_RETIRED = new AuditAction("model.retired");

    public AuditAction {
        Objects.requireNonNull(name, "audit action");
        if (name.length() > 64 || !SHAPE.matcher(name).matches()) {
            throw new IllegalArgumentException("an audit action is up to 64 characters of dotted lower-case words, "
                    + "such as phi.read");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
