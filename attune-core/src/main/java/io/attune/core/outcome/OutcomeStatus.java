package io.attune.core.outcome;

import io.attune.core.lifecycle.Stage;
import java.util.Locale;
import java.util.Optional;

/** What the CRM says became of a lead: qualified by sales, an opportunity opened, the deal won or lost. */
public enum OutcomeStatus {
    SQL(Stage.SQL), OPPORTUNITY(Stage.OPPORTUNITY), WON(Stage.CUSTOMER), LOST(Stage.RECYCLED);

    private final Stage stage;

    OutcomeStatus(Stage stage) {
        this.stage = stage;
    }

    /** The stage the lead moves to when the lifecycle allows it. */
    public Stage stage() {
        return stage;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutcomeStatus> fromWireName(String name) {
        for (OutcomeStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
