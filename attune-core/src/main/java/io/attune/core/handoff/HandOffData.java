package io.attune.core.handoff;

import io.attune.core.event.Attributes;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.scoring.TopReasons;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a hand-off says about a lead when it moved: who (only the fields the destination may
 * receive), where it is and was, why (the cause, and the rules worth most at that moment), who
 * decided (the model version, or the person or key), and its score then ({@code learned} is the
 * model's learned term, 0 when it has none).
 */
public record HandOffData(String lead, Segment segment, Stage stage, Stage from, String cause, String actor,
        ModelVersion model, double fit, double engagement, double learned, List<TopReasons.Reason> reasons,
        Optional<String> account, Attributes fields) {

    public HandOffData {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(fields, "fields");
        reasons = List.copyOf(reasons);
    }

    public double total() {
        return fit + engagement + learned;
    }
}
