package io.attune.core.lifecycle;

import java.util.Locale;
import java.util.Optional;

/**
 * Why sales rejected a lead. Reasons that say "not now" recycle the lead (it may qualify again
 * after a quiet period); reasons that say "never" disqualify it.
 */
public enum RejectionReason {
    BAD_FIT(Stage.DISQUALIFIED),
    NO_RESPONSE(Stage.RECYCLED),
    NOT_READY(Stage.RECYCLED),
    DUPLICATE(Stage.DISQUALIFIED),
    COMPETITOR(Stage.DISQUALIFIED),
    WRONG_CONTACT(Stage.DISQUALIFIED),
    OTHER(Stage.RECYCLED);

    private final Stage leadsTo;

    RejectionReason(Stage leadsTo) {
        this.leadsTo = leadsTo;
    }

    public Stage leadsTo() {
        return leadsTo;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RejectionReason> fromWireName(String name) {
        for (RejectionReason reason : values()) {
            if (reason.wireName().equals(name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
