package io.attune.learn.column;

/** What a CSV column became when a table was prepared for learning. */
public enum ColumnRole {
    LABEL, ID, NUMERIC, CATEGORICAL, EXCLUDED, IGNORED;

    public boolean isFeature() {
        return this == NUMERIC || this == CATEGORICAL;
    }
}
