package io.attune.core.egress;

import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One egress decision as it is recorded: which outbox message (and which attempt at it), for which
 * destination and lead, when, the outcome, the rules that made it, what was redacted — field
 * <em>names</em>, their class and treatment, never values — and, for a block, why in words that hold
 * no PHI. Time is kept to the millisecond, as stored.
 */
public record EgressRecord(WorkspaceId workspace, String messageId, DestinationId destination, String lead,
        HandOffType type, int attempt, Instant at, Outcome outcome, Set<EgressRule> rules, List<Redaction> redactions,
        Optional<String> reason) {

    /** What became of the message: {@code sent} as it was, {@code redacted}, {@code blocked}, or {@code held} for later. */
    public enum Outcome {
        SENT, REDACTED, BLOCKED, HELD;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Outcome> fromWireName(String name) {
            for (Outcome outcome : values()) {
                if (outcome.wireName().equals(name)) {
                    return Optional.of(outcome);
                }
            }
            return Optional.empty();
        }
    }

    public EgressRecord {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        rules = rules.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(rules));
        redactions = List.copyOf(redactions);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        if (outcome == Outcome.SENT != rules.isEmpty()) {
            throw new IllegalArgumentException("a message sent as it was names no rules; any other decision does");
        }
    }

    /** The record of {@code decision} for attempt {@code attempt} at {@code message}, decided at {@code at}. */
    public static EgressRecord of(WorkspaceId workspace, OutboundMessage message, int attempt, Instant at,
            EgressDecision decision) {
        Outcome outcome = Outcome.fromWireName(decision.outcome()).orElseThrow();
        List<Redaction> redactions = decision instanceof EgressDecision.Redacted redacted ? redacted.redactions()
                : List.of();
        Optional<String> reason = decision instanceof EgressDecision.Blocked blocked ? Optional.of(blocked.reason())
                : decision instanceof EgressDecision.Held held ? Optional.of(held.reason() + "; held until " + held.until())
                : Optional.empty();
        return new EgressRecord(workspace, message.id(), message.destination(), message.subject(), message.type(),
                attempt, at, outcome, decision.rules(), redactions, reason);
    }

    /** The catalogue ids of {@link #rules()}, in catalogue order. */
    public List<String> ruleIds() {
        return rules.stream().sorted().map(EgressRule::id).toList();
    }
}
