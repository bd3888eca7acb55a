package io.attune.core.handoff;

import io.attune.core.lifecycle.Stage;
import java.util.Optional;

/**
 * The outbound event types a destination can subscribe to. {@code lead.crisis_hold} is for the
 * clinical team: it alerts them that a lead's text was crisis language (CRISIS-03), and it is the one
 * hand-off a held lead still gets. {@code lead.deleted} asks a destination to delete what it received
 * about a lead erased at a data-subject request; it goes to every destination that received something,
 * whatever types it takes, and is never planned for a move.
 */
public enum HandOffType {
    LEAD_MQL("lead.mql"), LEAD_SQL("lead.sql"), LEAD_OPPORTUNITY("lead.opportunity"), LEAD_CUSTOMER("lead.customer"),
    LEAD_RECYCLED("lead.recycled"), LEAD_DISQUALIFIED("lead.disqualified"), MQL_SLA_BREACHED("mql.sla_breached"),
    ACCOUNT_MQA("account.mqa"), LEAD_CRISIS_HOLD("lead.crisis_hold"), LEAD_DELETED("lead.deleted");

    private final String wireName;

    HandOffType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<HandOffType> fromWireName(String name) {
        for (HandOffType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type announcing that a lead reached {@code stage}, if that stage is announced at all. */
    public static Optional<HandOffType> reaching(Stage stage) {
        return switch (stage) {
            case MQL -> Optional.of(LEAD_MQL);
            case SQL -> Optional.of(LEAD_SQL);
            case OPPORTUNITY -> Optional.of(LEAD_OPPORTUNITY);
            case CUSTOMER -> Optional.of(LEAD_CUSTOMER);
            case RECYCLED -> Optional.of(LEAD_RECYCLED);
            case DISQUALIFIED -> Optional.of(LEAD_DISQUALIFIED);
            case CRISIS_HOLD -> Optional.of(LEAD_CRISIS_HOLD);
            default -> Optional.empty();
        };
    }
}
