package io.attune.core.crisis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What screening a free text for crisis language found (CRISIS-01). Matching is deliberately
 * high-recall: nothing that looks like crisis language is dismissed by the matcher alone; what it
 * cannot settle goes to a person as a {@link Review}.
 */
public sealed interface Screening permits Screening.Crisis, Screening.Review, Screening.SubstanceUseCue,
        Screening.None {

    None NONE = new None();

    /**
     * Crisis language: the lead goes to crisis hold, outreach stops and the 988/911 resources are
     * returned. {@code substanceUseCues} are listed too: a cue next to ideation language is part of
     * why a negated or ambiguous phrase was escalated.
     */
    record Crisis(List<PhraseMatch> matches, List<PhraseMatch> substanceUseCues) implements Screening {
        public Crisis {
            matches = List.copyOf(matches);
            substanceUseCues = List.copyOf(substanceUseCues);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("a crisis screening needs at least one match");
            }
        }

        public Set<PhraseFamily> families() {
            Set<PhraseFamily> families = EnumSet.noneOf(PhraseFamily.class);
            matches.forEach(match -> families.add(match.family()));
            return families;
        }

        /** A medical emergency (overdose, not breathing): route to 911 before anything else. */
        public boolean callEmergencyFirst() {
            return matches.stream().anyMatch(match -> match.family().callEmergencyFirst());
        }

        /** Every match is about someone other than the writer. */
        public boolean thirdPersonOnly() {
            return matches.stream().allMatch(PhraseMatch::thirdPerson);
        }
    }

    /** A person decides: idioms, negations, past or clinical mentions, ambiguous phrases. */
    record Review(List<ReviewMatch> matches, List<PhraseMatch> substanceUseCues) implements Screening {
        public Review {
            matches = List.copyOf(matches);
            substanceUseCues = List.copyOf(substanceUseCues);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("a review screening needs at least one match");
            }
        }

        /** Only idioms: the catalogue's low-priority human check. */
        public boolean lowPriority() {
            return matches.stream().allMatch(match -> match.reason() == ReviewMatch.Reason.IDIOM);
        }
    }

    /** Substance-use escalation without crisis language: flag for clinical follow-up. */
    record SubstanceUseCue(List<PhraseMatch> cues) implements Screening {
        public SubstanceUseCue {
            cues = List.copyOf(cues);
            if (cues.isEmpty()) {
                throw new IllegalArgumentException("a substance-use screening needs at least one cue");
            }
        }
    }

    /** Nothing found. */
    record None() implements Screening {
    }
}
