package io.attune.core.crisis;

import io.attune.core.crisis.LabelledSet.Example;
import io.attune.core.crisis.LabelledSet.Label;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A detector measured on a labelled set: the confusion counts, recall on crisis texts, the
 * false-positive rate (ordinary texts flagged crisis), the review rate, family agreement, and the
 * misses, so that a failing bar says which texts it failed on.
 */
final class Measurement {
    final Map<Label, Map<Label, Integer>> counts = new EnumMap<>(Label.class);
    final List<String> missedCrisis = new ArrayList<>();
    final List<String> falseCrisis = new ArrayList<>();
    final List<String> idiomsAsCrisis = new ArrayList<>();
    final List<String> reviewAsCrisis = new ArrayList<>();
    final List<String> ordinaryToReview = new ArrayList<>();
    final List<String> reviewMissed = new ArrayList<>();
    final List<String> familyMismatches = new ArrayList<>();
    int familyAgreements;
    int total;

    static Measurement of(CrisisDetector detector, List<Example> examples) {
        Measurement m = new Measurement();
        for (Label label : Label.values()) {
            Map<Label, Integer> row = new EnumMap<>(Label.class);
            for (Label predicted : Label.values()) {
                row.put(predicted, 0);
            }
            m.counts.put(label, row);
        }
        for (Example example : examples) {
            Screening screening = detector.screen(example.text());
            Label predicted = LabelledSet.predicted(screening);
            m.counts.get(example.label()).merge(predicted, 1, Integer::sum);
            m.total++;
            String shown = "line " + example.line() + " [" + example.note() + "] " + example.text() + " -> "
                    + screening;
            if (example.label() == Label.CRISIS && predicted != Label.CRISIS) {
                m.missedCrisis.add(shown);
            }
            if (example.label() == Label.NONE && predicted == Label.CRISIS) {
                m.falseCrisis.add(shown);
            }
            if (example.label() == Label.REVIEW && predicted == Label.CRISIS) {
                m.reviewAsCrisis.add(shown);
            }
            if (example.label() == Label.REVIEW && predicted == Label.NONE) {
                m.reviewMissed.add(shown);
            }
            if (example.label() == Label.NONE && predicted == Label.REVIEW) {
                m.ordinaryToReview.add(shown);
            }
            if (example.label() == Label.REVIEW && example.note().equals("idiom") && predicted == Label.CRISIS) {
                m.idiomsAsCrisis.add(shown);
            }
            if (example.label() == Label.CRISIS && screening instanceof Screening.Crisis) {
                boolean agrees = ((Screening.Crisis) screening).families().stream()
                        .anyMatch(family -> family.wireName().equals(example.note()));
                if (agrees) {
                    m.familyAgreements++;
                } else {
                    m.familyMismatches.add(shown);
                }
            }
        }
        return m;
    }

    int labelled(Label label) {
        return counts.get(label).values().stream().mapToInt(Integer::intValue).sum();
    }

    int predicted(Label label) {
        return counts.values().stream().mapToInt(row -> row.get(label)).sum();
    }

    double recall() {
        return ratio(counts.get(Label.CRISIS).get(Label.CRISIS), labelled(Label.CRISIS));
    }

    /** Texts labelled none that were flagged crisis, over all texts labelled none. */
    double falsePositiveRate() {
        return ratio(counts.get(Label.NONE).get(Label.CRISIS), labelled(Label.NONE));
    }

    /** Texts labelled review that were flagged crisis, over all texts labelled review. */
    double reviewToCrisisRate() {
        return ratio(counts.get(Label.REVIEW).get(Label.CRISIS), labelled(Label.REVIEW));
    }

    /** Share of all texts sent to a person for review (review or substance-use cue). */
    double reviewRate() {
        return ratio(predicted(Label.REVIEW), total);
    }

    /** Share of texts labelled none that were sent to review. */
    double reviewRateOnOrdinary() {
        return ratio(counts.get(Label.NONE).get(Label.REVIEW), labelled(Label.NONE));
    }

    double familyAgreement() {
        return ratio(familyAgreements, counts.get(Label.CRISIS).get(Label.CRISIS));
    }

    String report(String name) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d texts (crisis %d, review %d, none %d)%n", name, total,
                labelled(Label.CRISIS), labelled(Label.REVIEW), labelled(Label.NONE)));
        out.append(String.format(Locale.ROOT, "  recall on crisis texts      %.3f (%d/%d)%n", recall(),
                counts.get(Label.CRISIS).get(Label.CRISIS), labelled(Label.CRISIS)));
        out.append(String.format(Locale.ROOT, "  false-positive rate         %.3f (%d/%d none texts flagged crisis)%n",
                falsePositiveRate(), counts.get(Label.NONE).get(Label.CRISIS), labelled(Label.NONE)));
        out.append(String.format(Locale.ROOT, "  review texts flagged crisis %.3f (%d/%d)%n", reviewToCrisisRate(),
                counts.get(Label.REVIEW).get(Label.CRISIS), labelled(Label.REVIEW)));
        out.append(String.format(Locale.ROOT, "  review rate (all texts)     %.3f (%d/%d); on none texts %.3f"
                + " (%d/%d)%n",
                reviewRate(), predicted(Label.REVIEW), total, reviewRateOnOrdinary(),
                counts.get(Label.NONE).get(Label.REVIEW), labelled(Label.NONE)));
        out.append(String.format(Locale.ROOT, "  family agreement            %.3f (%d/%d detected crisis texts)%n",
                familyAgreement(), familyAgreements, counts.get(Label.CRISIS).get(Label.CRISIS)));
        out.append("  confusion (rows labelled, columns predicted crisis/review/none):\n");
        for (Label label : Label.values()) {
            Map<Label, Integer> row = counts.get(label);
            out.append(String.format(Locale.ROOT, "    %-6s %4d %4d %4d%n", label.name().toLowerCase(Locale.ROOT),
                    row.get(Label.CRISIS), row.get(Label.REVIEW), row.get(Label.NONE)));
        }
        missedCrisis.forEach(miss -> out.append("  missed: ").append(miss).append('\n'));
        falseCrisis.forEach(fp -> out.append("  false crisis: ").append(fp).append('\n'));
        reviewAsCrisis.forEach(r -> out.append("  review flagged crisis: ").append(r).append('\n'));
        ordinaryToReview.forEach(r -> out.append("  none sent to review: ").append(r).append('\n'));
        reviewMissed.forEach(r -> out.append("  review found nothing: ").append(r).append('\n'));
        familyMismatches.forEach(r -> out.append("  family differs: ").append(r).append('\n'));
        return out.toString();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
