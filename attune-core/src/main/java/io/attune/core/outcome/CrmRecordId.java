package io.attune.core.outcome;

/** The CRM's own id of the record an update is about, e.g. a Salesforce opportunity id {@code 006…}. */
public record CrmRecordId(String value) {
    public static final int MAX_LENGTH = 200;

    public CrmRecordId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a CRM record id is 1-" + MAX_LENGTH
                    + " characters without control characters");
        }
        value = value.strip();
    }
}
