package io.attune.core.model;

/** Argument checks shared by the model records. */
final class ModelChecks {
    private ModelChecks() {
    }

    static void finite(double value, String name) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number");
        }
    }
}
