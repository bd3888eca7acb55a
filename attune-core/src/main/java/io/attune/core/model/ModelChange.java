package io.attune.core.model;

/** What a person asks of a model version; {@link ModelApproval} decides whether it may happen. */
public enum ModelChange {
    PROPOSE, APPROVE, ACTIVATE, RETIRE
}
