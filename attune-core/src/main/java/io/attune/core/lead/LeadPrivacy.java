package io.attune.core.lead;

import io.attune.core.minors.AgeBand;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the privacy rules found about a lead as its events were recorded: the US states its events
 * were collected in and whether any was collected abroad (signals for STATE-01), its age band
 * (MINOR-01/02), and, when its score is withheld, why. A withheld lead's score stays empty: no
 * health-derived score is computed without the consent the law asks for (STATE-02/05), nor for a
 * child under 13 (MINOR-01).
 */
public record LeadPrivacy(Set<String> collectedIn, boolean collectedAbroad, AgeBand age, List<Withholding> withheld) {
    public static final LeadPrivacy NONE = new LeadPrivacy(Set.of(), false, AgeBand.UNKNOWN, List.of());

    /** One reason a score is withheld: the catalogue rule and what is missing, in words. */
    public record Withholding(String rule, String reason) {
        public Withholding {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public LeadPrivacy {
        collectedIn = Collections.unmodifiableSortedSet(new TreeSet<>(collectedIn));
        Objects.requireNonNull(age, "age");
        withheld = List.copyOf(withheld);
    }

    public boolean scoringWithheld() {
        return !withheld.isEmpty();
    }
}
