package io.attune.core.scoring;

import java.util.List;
import java.util.Objects;

/** What scoring one event did: the new score, the points each rule earned, and rules that failed. */
public record ScoreUpdate(LeadScore score, List<Contribution> contributions, List<RuleFailure> failures) {
    public ScoreUpdate {
        Objects.requireNonNull(score, "score");
        contributions = List.copyOf(contributions);
        failures = List.copyOf(failures);
    }
}
