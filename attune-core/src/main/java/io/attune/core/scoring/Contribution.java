package io.attune.core.scoring;

import io.attune.core.event.MessageId;
import io.attune.core.model.Decay;
import io.attune.core.model.RuleId;
import java.time.Instant;
import java.util.Objects;

/** Points one rule earned from one event; its value now is the points decayed since {@code at}. */
public record Contribution(RuleId rule, double points, Instant at, MessageId event) {
    public Contribution {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
    }

    public double valueAt(Instant now, Decay decay) {
        return points * decay.factor(at.toEpochMilli(), now.toEpochMilli());
    }
}
