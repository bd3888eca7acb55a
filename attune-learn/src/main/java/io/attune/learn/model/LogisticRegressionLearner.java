package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Logistic regression trained with Tribuo's linear SGD trainer (log loss, AdaGrad) on the
 * {@link LinearEncoding} of the columns; the weights are then copied out into a {@link LogisticModel},
 * so scoring and storage do not depend on Tribuo.
 */
public final class LogisticRegressionLearner implements Learner {
    private static final Label CONVERTED = new Label("converted");
    private static final Label NOT_CONVERTED = new Label("not-converted");
    // Tribuo logs each training run at INFO through java.util.logging; a CLI run would print it all.
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private final int epochs;
    private final long seed;

    public LogisticRegressionLearner(int epochs, long seed) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1");
        }
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public LogisticModel fit(List<FeatureColumn> columns, boolean[] labels, int[] rows) {
        LinearEncoding encoding = LinearEncoding.fit(columns, rows);
        String[] names = encoding.features().toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("csv", factory), factory);
        for (int row : rows) {
            dataset.add(new ArrayExample<>(labels[row] ? CONVERTED : NOT_CONVERTED, names, encoding.encode(columns, row)));
        }
        // AdaGrad's step 0.02 gave the best cross-validated AUC on both public datasets (0.01–0.5 tried).
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.02, 0.1), epochs,
                Integer.MAX_VALUE, 1, seed);
        return coefficients(encoding, (LinearSGDModel) trainer.train(dataset));
    }

    /** Two-class softmax weights → one logistic coefficient per feature: w(converted) − w(not converted). */
    private static LogisticModel coefficients(LinearEncoding encoding, LinearSGDModel model) {
        DenseMatrix weights = model.getWeightsCopy();
        int positive = model.getOutputIDInfo().getID(CONVERTED);
        int negative = model.getOutputIDInfo().getID(NOT_CONVERTED);
        ImmutableFeatureMap featureIds = model.getFeatureIDMap();
        List<String> features = encoding.features();
        double[] coefficients = new double[features.size()];
        for (int i = 0; i < coefficients.length; i++) {
            VariableInfo info = featureIds.get(features.get(i));
            // A feature that was zero on every training row never reached Tribuo, so it has no weight.
            if (info != null) {
                int id = featureIds.getID(features.get(i));
                coefficients[i] = weights.get(positive, id) - weights.get(negative, id);
            }
        }
        int bias = weights.getShape()[1] - 1;
        return new LogisticModel(encoding, coefficients, weights.get(positive, bias) - weights.get(negative, bias));
    }
}
