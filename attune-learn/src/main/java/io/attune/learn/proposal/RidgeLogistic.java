package io.attune.learn.proposal;

import java.util.Arrays;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * Logistic regression with a ridge penalty, fitted by Newton's method with Tribuo's Cholesky solver.
 * Newton's method rather than stochastic gradient descent because it converges to the one optimum
 * (the same weights for the same rows, whatever the order) and its Hessian gives the standard errors
 * that say whether a weight differs from 0. The last column of {@code x} is the intercept, which is
 * not penalised.
 */
record RidgeLogistic(double[] weights, double[] standardErrors) {
    private static final int MAX_ITERATIONS = 100;

    static RidgeLogistic fit(double[][] x, boolean[] y, double ridge) {
        int width = x[0].length;
        double[] weights = new double[width];
        DenseMatrix hessian = hessian(x, weights, ridge);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[width];
            for (int row = 0; row < x.length; row++) {
                double error = (y[row] ? 1 : 0) - probability(x[row], weights);
                for (int c = 0; c < width; c++) {
                    gradient[c] += error * x[row][c];
                }
            }
            for (int c = 0; c < width - 1; c++) {
                gradient[c] -= ridge * weights[c];
            }
            DenseVector step = factor(hessian).solve(DenseVector.createDenseVector(gradient));
            double largest = 0;
            for (int c = 0; c < width; c++) {
                weights[c] += step.get(c);
                largest = Math.max(largest, Math.abs(step.get(c)));
            }
            hessian = hessian(x, weights, ridge);
            if (largest < 1e-10) {
                break;
            }
        }
        DenseMatrix.CholeskyFactorization factored = factor(hessian);
        double[] errors = new double[width];
        for (int c = 0; c < width; c++) {
            double[] unit = new double[width];
            unit[c] = 1;
            errors[c] = Math.sqrt(factored.solve(DenseVector.createDenseVector(unit)).get(c));
        }
        return new RidgeLogistic(weights, errors);
    }

    /** The negative log likelihood's Hessian plus the ridge: positive definite for any rows. */
    private static DenseMatrix hessian(double[][] x, double[] weights, double ridge) {
        int width = weights.length;
        double[][] h = new double[width][width];
        for (double[] row : x) {
            double p = probability(row, weights);
            double w = Math.max(p * (1 - p), 1e-12);
            for (int a = 0; a < width; a++) {
                for (int b = a; b < width; b++) {
                    h[a][b] += w * row[a] * row[b];
                }
            }
        }
        // Tribuo's Cholesky wants exact symmetry, which (w × a) × b and (w × b) × a need not give.
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < a; b++) {
                h[a][b] = h[b][a];
            }
        }
        for (int c = 0; c < width; c++) {
            h[c][c] += c < width - 1 ? ridge : 1e-9;
        }
        return DenseMatrix.createDenseMatrix(h);
    }

    private static DenseMatrix.CholeskyFactorization factor(DenseMatrix hessian) {
        return hessian.choleskyFactorization().orElseThrow(() -> new IllegalStateException(
                "the penalised Hessian is positive definite by construction, yet did not factor"));
    }

    private static double probability(double[] row, double[] weights) {
        double logit = 0;
        for (int c = 0; c < row.length; c++) {
            logit += row[c] * weights[c];
        }
        return 1 / (1 + Math.exp(-logit));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RidgeLogistic that && Arrays.equals(weights, that.weights)
                && Arrays.equals(standardErrors, that.standardErrors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(standardErrors);
    }

    @Override
    public String toString() {
        return "RidgeLogistic" + Arrays.toString(weights);
    }
}
