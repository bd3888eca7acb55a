package io.attune.learn.column;

import java.util.Objects;

/**
 * How one CSV column was read, for the report: its role, how many labelled rows had no value
 * (placeholders included), how many distinct values it had, and why, where the role needs a reason.
 */
public record ColumnDecision(String name, ColumnRole role, int missing, int distinct, String note) {
    public ColumnDecision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(note, "note");
    }
}
