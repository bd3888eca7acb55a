package io.attune.server.proposal;

import io.attune.core.model.ModelVersion;
import io.attune.learn.proposal.RuleWeights;
import java.util.List;
import java.util.Map;

/** What a proposal job ends with: a new draft version and its report, or why there is none. */
public sealed interface Proposal permits Proposal.Drafted, Proposal.NotProposed {

    /** How many leads of the segment there were, how many were labelled and why the others were left out. */
    record Counts(int leads, int labelled, int positives, int negatives, Map<String, Integer> skipped) {
        public Counts {
            skipped = Map.copyOf(skipped);
        }
    }

    /**
     * @param source the draft's YAML
     * @param learned the {@code learned:} section from the same fit, whether or not the draft carries it
     */
    record Drafted(ModelVersion base, ModelVersion draft, Counts counts, RuleWeights weights, String source,
            String learned) implements Proposal {
    }

    /** No draft: too few labelled leads, no usable fit, or a draft the model checks refused. */
    record NotProposed(ModelVersion base, String type, String title, String detail, Counts counts,
            List<String> problems) implements Proposal {
        public NotProposed {
            problems = List.copyOf(problems);
        }
    }
}
