package io.attune.learn.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.learn.MessyLeads;
import io.attune.learn.table.CsvTables;
import io.attune.learn.table.Table;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ColumnInferenceTest {
    @Test
    void messy_columns_get_the_types_a_person_would_give_them() throws IOException {
        Table table = CsvTables.parse(MessyLeads.csv(400, 1, ';', false), ';');
        LearningTable prepared = ColumnInference.prepare(table, "converted", Optional.of("lead_id"), List.of());
        Map<String, ColumnDecision> decisions = prepared.columns().stream()
                .collect(Collectors.toMap(ColumnDecision::name, Function.identity()));

        assertThat(decisions.get("lead_id").role()).isEqualTo(ColumnRole.ID);
        assertThat(decisions.get("email").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(decisions.get("country").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(decisions.get("visits").role()).isEqualTo(ColumnRole.NUMERIC);
        assertThat(decisions.get("fit_pct").role()).isEqualTo(ColumnRole.NUMERIC);
        assertThat(decisions.get("source").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(decisions.get("city").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(decisions.get("converted").role()).isEqualTo(ColumnRole.LABEL);
        assertThat(prepared.features()).extracting(FeatureColumn::name)
                .containsExactly("visits", "source", "fit_pct", "city", "notes");
        assertThat(prepared.positiveValue()).isEqualTo("yes");
        assertThat(prepared.unlabelledRows()).isPositive();
        assertThat(prepared.rows() + prepared.unlabelledRows()).isEqualTo(400);
        assertThat(prepared.rowIds()).allMatch(id -> id.startsWith("L"));
    }

    @Test
    void numbers_written_as_text_are_read_and_placeholders_are_missing() throws IOException {
        Table table = CsvTables.parse("""
                visits,fit,source,y
                "1,234",12%,Select,yes
                7,$30,referral,no
                ,N/A,unknown,no
                3, 4 ,search,yes
                """, ',');
        LearningTable prepared = ColumnInference.prepare(table, "y", Optional.empty(), List.of());

        FeatureColumn.Numeric visits = (FeatureColumn.Numeric) prepared.feature("visits").orElseThrow();
        assertThat(visits.values()).containsExactly(1234, 7, Double.NaN, 3);
        FeatureColumn.Numeric fit = (FeatureColumn.Numeric) prepared.feature("fit").orElseThrow();
        assertThat(fit.values()).containsExactly(12, 30, Double.NaN, 4);
        FeatureColumn.Categorical source = (FeatureColumn.Categorical) prepared.feature("source").orElseThrow();
        assertThat(source.values()).containsExactly(null, "referral", null, "search");
        assertThat(prepared.columns().get(2).missing()).isEqualTo(2);
        assertThat(prepared.rowIds()).containsExactly("row 1", "row 2", "row 3", "row 4");
    }

    @Test
    void a_label_without_a_yes_value_counts_the_rarer_value_as_converted() throws IOException {
        Table table = CsvTables.parse("x,outcome\n1,open\n2,open\n3,booked\n", ',');
        LearningTable prepared = ColumnInference.prepare(table, "outcome", Optional.empty(), List.of());
        assertThat(prepared.positiveValue()).isEqualTo("booked");
        assertThat(prepared.labels()).containsExactly(false, false, true);
    }

    @Test
    void a_label_with_more_than_two_values_is_refused_with_its_values() throws IOException {
        Table table = CsvTables.parse("x,stage\n1,lead\n2,mql\n3,sql\n", ',');
        assertThatThrownBy(() -> ColumnInference.prepare(table, "stage", Optional.empty(), List.of()))
                .hasMessageContaining("'stage' must have exactly two values").hasMessageContaining("mql");
    }

    @Test
    void excluded_columns_are_never_features() throws IOException {
        Table table = CsvTables.parse("a,duration,y\n1,5,yes\n2,6,no\n", ',');
        LearningTable prepared = ColumnInference.prepare(table, "y", Optional.empty(), List.of("duration"));
        assertThat(prepared.features()).extracting(FeatureColumn::name).containsExactly("a");
        assertThat(prepared.columns().get(1).role()).isEqualTo(ColumnRole.EXCLUDED);
    }
}
