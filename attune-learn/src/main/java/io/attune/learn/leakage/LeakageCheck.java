package io.attune.learn.leakage;

import io.attune.learn.column.ColumnRole;
import io.attune.learn.column.FeatureColumn;
import io.attune.learn.column.LearningTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Looks for columns that give the outcome away, on training rows only. Lead data rarely has a single
 * honest field that separates converters almost perfectly; one that does was usually filled in after
 * the sale (a close date, a disposition, a won amount), and a model that uses it reports a score no
 * one will see in production.
 */
public final class LeakageCheck {
    /** At or above this single-column AUC a column is treated as a leak and dropped. */
    public static final double LEAK_AUC = 0.95;
    /** At or above this it is kept but reported, to be confirmed as known before the outcome. */
    public static final double SUSPECT_AUC = 0.80;

    private LeakageCheck() {
    }

    public static LeakageReport run(LearningTable table, int[] trainingRows, long seed) {
        List<LeakageReport.Finding> dropped = new ArrayList<>();
        List<LeakageReport.Finding> suspects = new ArrayList<>();
        for (FeatureColumn column : table.features()) {
            double auc = SingleColumnAuc.of(column, table.labels(), trainingRows, seed);
            if (auc >= LEAK_AUC) {
                dropped.add(new LeakageReport.Finding(column.name(), auc, String.format(Locale.ROOT,
                        "predicts the label almost perfectly on its own (AUC %.3f): most likely recorded after the outcome", auc)));
            } else if (auc >= SUSPECT_AUC) {
                suspects.add(new LeakageReport.Finding(column.name(), auc, String.format(Locale.ROOT,
                        "a strong predictor on its own (AUC %.3f): kept; confirm it is known before the outcome, "
                                + "or leave it out with --exclude", auc)));
            }
        }
        List<LeakageReport.Finding> excluded = table.columns().stream()
                .filter(decision -> decision.role() == ColumnRole.EXCLUDED)
                .map(decision -> new LeakageReport.Finding(decision.name(), Double.NaN, decision.note())).toList();
        Comparator<LeakageReport.Finding> strongestFirst =
                Comparator.comparingDouble(LeakageReport.Finding::singleColumnAuc).reversed();
        dropped.sort(strongestFirst);
        suspects.sort(strongestFirst);
        return new LeakageReport(dropped, excluded, suspects);
    }
}
