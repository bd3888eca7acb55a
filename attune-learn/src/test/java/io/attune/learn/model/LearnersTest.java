package io.attune.learn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.attune.learn.column.FeatureColumn;
import io.attune.learn.metric.RocAuc;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LearnersTest {
    private static final Fixtures.Generated LINEAR = Fixtures.linear(3000, 1);
    private static final Fixtures.Generated LINEAR_TEST = Fixtures.linear(2000, 2);
    private static final Fixtures.Generated INTERACTION = Fixtures.interaction(4000, 3);
    private static final Fixtures.Generated INTERACTION_TEST = Fixtures.interaction(2000, 4);

    @Test
    void logistic_regression_learns_the_sign_of_each_effect() {
        LogisticModel model = new LogisticRegressionLearner(10, 7).fit(LINEAR.columns(), LINEAR.labels(), LINEAR.allRows());

        List<String> features = model.encoding().features();
        assertThat(model.coefficients()[features.indexOf("score")]).isGreaterThan(0.5);
        assertThat(model.coefficients()[features.indexOf("source=referral")])
                .isGreaterThan(model.coefficients()[features.indexOf("source=search")] + 0.5);
        assertThat(features).contains("score=(missing)");
        assertThat(auc(model, LINEAR_TEST)).isGreaterThan(0.8);
    }

    @Test
    void boosted_trees_find_an_interaction_that_logistic_regression_cannot() {
        LearnedModel trees = GradientBoostingLearner.defaults(7).fit(INTERACTION.columns(), INTERACTION.labels(),
                INTERACTION.allRows());
        LearnedModel linear = new LogisticRegressionLearner(10, 7).fit(INTERACTION.columns(), INTERACTION.labels(),
                INTERACTION.allRows());

        assertThat(auc(trees, INTERACTION_TEST)).isGreaterThan(0.8);
        assertThat(auc(linear, INTERACTION_TEST)).isLessThan(0.65);
        BoostedTrees boosted = (BoostedTrees) trees;
        assertThat(boosted.importances().subList(0, 2)).extracting(BoostedTrees.Importance::column)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void explanations_add_up_to_the_logit_for_both_models() {
        List<LearnedModel> models = List.of(
                new LogisticRegressionLearner(5, 7).fit(INTERACTION.columns(), INTERACTION.labels(), INTERACTION.allRows()),
                new GradientBoostingLearner(30, 0.1, 3, 20, 1, 0.8, 7).fit(INTERACTION.columns(), INTERACTION.labels(),
                        INTERACTION.allRows()));
        for (LearnedModel model : models) {
            for (int row = 0; row < 50; row++) {
                Explanation explanation = model.explain(INTERACTION_TEST.columns(), row);
                assertThat(explanation.logit()).as(model.kind())
                        .isCloseTo(model.logit(INTERACTION_TEST.columns(), row), within(1e-9));
                assertThat(explanation.contributions()).extracting(Explanation.Contribution::column)
                        .containsExactlyInAnyOrder("a", "b", "plan", "noise");
            }
        }
    }

    @Test
    void the_tree_explanation_credits_the_columns_on_the_path_not_the_noise() {
        BoostedTrees model = new GradientBoostingLearner(50, 0.1, 2, 50, 1, 1, 7).fit(INTERACTION.columns(),
                INTERACTION.labels(), INTERACTION.allRows());
        double noise = 0;
        double signal = 0;
        for (int row = 0; row < 200; row++) {
            for (Explanation.Contribution c : model.explain(INTERACTION_TEST.columns(), row).contributions()) {
                if (c.column().equals("noise")) {
                    noise += Math.abs(c.logit());
                } else if (c.column().equals("a") || c.column().equals("b")) {
                    signal += Math.abs(c.logit());
                }
            }
        }
        assertThat(noise).isLessThan(signal / 5);
    }

    @Test
    void a_category_unseen_in_training_scores_like_the_rare_ones_instead_of_failing() {
        BoostedTrees trees = GradientBoostingLearner.defaults(7).fit(LINEAR.columns(), LINEAR.labels(), LINEAR.allRows());
        LogisticModel linear = new LogisticRegressionLearner(5, 7).fit(LINEAR.columns(), LINEAR.labels(), LINEAR.allRows());
        List<FeatureColumn> unseen = List.of(new FeatureColumn.Numeric("score", new double[] {50}, 0),
                new FeatureColumn.Categorical("source", new String[] {"podcast"}));

        assertThat(trees.logit(unseen, 0)).isFinite();
        assertThat(linear.logit(unseen, 0)).isFinite();
    }

    @Test
    void a_model_refuses_columns_other_than_the_ones_it_was_trained_on() {
        LogisticModel model = new LogisticRegressionLearner(2, 7).fit(LINEAR.columns(), LINEAR.labels(), LINEAR.allRows());
        List<FeatureColumn> swapped = List.of(LINEAR.columns().get(1), LINEAR.columns().get(0));
        assertThatThrownBy(() -> model.logits(swapped, new int[] {0})).hasMessageContaining("trained on columns [score, source]");
    }

    @Test
    void platt_scaling_recovers_a_known_slope_and_intercept() {
        Random random = new Random(5);
        double[] logits = new double[20_000];
        boolean[] labels = new boolean[logits.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextGaussian() * 2;
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 * logits[i] - 1)));
        }
        PlattCalibration calibration = PlattCalibration.fit(logits, labels);
        assertThat(calibration.slope()).isCloseTo(0.5, within(0.05));
        assertThat(calibration.intercept()).isCloseTo(-1, within(0.08));
        assertThat(calibration.probability(2)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void platt_scaling_keeps_the_order_so_the_auc_is_unchanged() {
        LogisticModel model = new LogisticRegressionLearner(5, 7).fit(LINEAR.columns(), LINEAR.labels(), LINEAR.allRows());
        int[] rows = IntStream.range(0, LINEAR_TEST.labels().length).toArray();
        CalibratedModel calibrated = new CalibratedModel(model, new PlattCalibration(0.4, -0.7));
        assertThat(RocAuc.of(calibrated.probabilities(LINEAR_TEST.columns(), rows), LINEAR_TEST.labels()))
                .isCloseTo(RocAuc.of(model.logits(LINEAR_TEST.columns(), rows), LINEAR_TEST.labels()), within(1e-12));
    }

    private static double auc(LearnedModel model, Fixtures.Generated data) {
        return RocAuc.of(model.logits(data.columns(), data.allRows()), data.labels());
    }
}
