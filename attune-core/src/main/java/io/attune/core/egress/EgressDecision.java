package io.attune.core.egress;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the egress filter decided for one payload and one destination: {@link Sent} as it was,
 * {@link Redacted} (what was removed, generalised or pseudonymised, and by which rules), or
 * {@link Blocked} (nothing leaves; the rules and why), or {@link Held} (nothing leaves yet: the message
 * waits, not dropped, until the time the rules allow). Every decision is recorded with its rule ids.
 */
public sealed interface EgressDecision permits EgressDecision.Sent, EgressDecision.Redacted, EgressDecision.Blocked,
        EgressDecision.Held {

    /** The rules that shaped the decision, in catalogue order; empty when sent as it was. */
    Set<EgressRule> rules();

    /** What to deliver, unless blocked. */
    Optional<OutboundPayload> deliverable();

    /** {@code sent}, {@code redacted}, {@code blocked} or {@code held}, as recorded. */
    String outcome();

    /** The catalogue ids of {@link #rules()}, e.g. {@code [TRK-01, TRK-05]}. */
    default List<String> ruleIds() {
        return rules().stream().map(EgressRule::id).toList();
    }

    /** Nothing needed changing. */
    record Sent(OutboundPayload payload) implements EgressDecision {
        public Sent {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public Set<EgressRule> rules() {
            return Set.of();
        }

        @Override
        public Optional<OutboundPayload> deliverable() {
            return Optional.of(payload);
        }

        @Override
        public String outcome() {
            return "sent";
        }
    }

    /** Sent without what the rules took out or generalised. */
    record Redacted(OutboundPayload payload, List<Redaction> redactions) implements EgressDecision {
        public Redacted {
            Objects.requireNonNull(payload, "payload");
            redactions = List.copyOf(redactions);
            if (redactions.isEmpty()) {
                throw new IllegalArgumentException("a redacted payload lists what was redacted");
            }
        }

        @Override
        public Set<EgressRule> rules() {
            Set<EgressRule> rules = EnumSet.noneOf(EgressRule.class);
            redactions.forEach(redaction -> rules.addAll(redaction.rules()));
            return Collections.unmodifiableSet(rules);
        }

        @Override
        public Optional<OutboundPayload> deliverable() {
            return Optional.of(payload);
        }

        @Override
        public String outcome() {
            return "redacted";
        }

        /** The redaction of one field, if it had one. */
        public Optional<Redaction> of(String field) {
            return redactions.stream().filter(redaction -> redaction.field().equals(field)).findFirst();
        }
    }

    /** Nothing leaves; {@code reason} says why in words that hold no PHI. */
    record Blocked(Set<EgressRule> rules, String reason) implements EgressDecision {
        public Blocked {
            Objects.requireNonNull(reason, "reason");
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("a block names the rules that made it");
            }
            rules = Collections.unmodifiableSet(EnumSet.copyOf(rules));
        }

        @Override
        public Optional<OutboundPayload> deliverable() {
            return Optional.empty();
        }

        @Override
        public String outcome() {
            return "blocked";
        }
    }

    /** Nothing leaves now; the message is offered again at {@code until} (TCPA-02 quiet hours, TCPA-03 caps). */
    record Held(Set<EgressRule> rules, String reason, Instant until) implements EgressDecision {
        public Held {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(until, "until");
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("a hold names the rules that made it");
            }
            rules = Collections.unmodifiableSet(EnumSet.copyOf(rules));
        }

        @Override
        public Optional<OutboundPayload> deliverable() {
            return Optional.empty();
        }

        @Override
        public String outcome() {
            return "held";
        }
    }
}
