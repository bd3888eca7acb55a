package io.attune.learn.proposal;

import java.util.Optional;

/**
 * One rule's proposal: its written points, the fitted logit coefficient per point, how many labelled
 * leads it scored for, and the points the draft gives it. A flagged rule keeps its points in the draft
 * and {@code flag} says why a person must decide.
 */
public record RuleProposal(String rule, double points, double coefficient, int support, long proposed,
        Optional<String> flag) {

    public boolean changed() {
        return flag.isEmpty() && proposed != points;
    }
}
