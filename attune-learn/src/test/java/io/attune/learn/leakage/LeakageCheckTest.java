package io.attune.learn.leakage;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.learn.MessyLeads;
import io.attune.learn.column.ColumnInference;
import io.attune.learn.column.FeatureColumn;
import io.attune.learn.column.LearningTable;
import io.attune.learn.split.StratifiedSplit;
import io.attune.learn.table.CsvTables;
import io.attune.learn.train.ModelEvaluation;
import io.attune.learn.train.TrainModels;
import io.attune.learn.train.TrainingOptions;
import io.attune.learn.train.TrainingReport;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeakageCheckTest {
    @Test
    void a_planted_post_outcome_column_is_flagged_and_left_out_of_every_model() throws IOException {
        LearningTable table = ColumnInference.prepare(CsvTables.parse(MessyLeads.csv(1500, 3, ',', true), ','),
                "converted", Optional.of("lead_id"), List.of());

        TrainingReport report = TrainModels.withDefaultLearners(7)
                .run(table, TrainingOptions.of("converted", Optional.of("lead_id"), List.of(), 7, Optional.empty()));

        assertThat(report.leakage().droppedColumns()).containsExactly("disposition");
        assertThat(report.leakage().dropped().get(0).singleColumnAuc()).isGreaterThan(0.95);
        for (ModelEvaluation model : report.models()) {
            assertThat(model.model().model().inputs()).doesNotContain("disposition").contains("visits", "source");
            // Without the leak the honest signal is good but nowhere near perfect.
            assertThat(model.rocAuc()).isBetween(0.6, 0.9);
        }
        assertThat(report.table().columns()).filteredOn(c -> c.name().equals("disposition"))
                .singleElement().satisfies(c -> assertThat(c.note()).contains("dropped"));
    }

    @Test
    void a_column_filled_in_only_for_converters_leaks_through_its_missing_values() {
        boolean[] labels = new boolean[400];
        double[] wonAmount = new double[400];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 5 == 0;
            wonAmount[i] = labels[i] ? 1000 + i : Double.NaN;
        }
        int[] rows = StratifiedSplit.holdOut(labels, 0.3, 1).training();
        assertThat(SingleColumnAuc.of(new FeatureColumn.Numeric("won_amount", wonAmount, 0), labels, rows, 1))
                .isEqualTo(1.0);
    }

    @Test
    void a_many_valued_category_does_not_look_predictive_by_memorising_its_rows() {
        boolean[] labels = new boolean[1000];
        String[] city = new String[1000];
        Random random = new Random(9);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(4) == 0;
            city[i] = "city-" + random.nextInt(400);
        }
        int[] rows = StratifiedSplit.holdOut(labels, 0.3, 1).training();
        assertThat(SingleColumnAuc.of(new FeatureColumn.Categorical("city", city), labels, rows, 1)).isLessThan(0.6);
    }

    @Test
    void excluded_columns_are_reported_as_excluded() throws IOException {
        LearningTable table = ColumnInference.prepare(CsvTables.parse(MessyLeads.csv(600, 4, ',', false), ','),
                "converted", Optional.empty(), List.of("notes"));
        LeakageReport report = LeakageCheck.run(table, StratifiedSplit.holdOut(table.labels(), 0.3, 1).training(), 1);
        assertThat(report.excluded()).extracting(LeakageReport.Finding::column).containsExactly("notes");
        assertThat(report.dropped()).isEmpty();
    }
}
