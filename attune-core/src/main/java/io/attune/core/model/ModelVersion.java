package io.attune.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** One version of one model, written {@code employer-starter@3}. Every score records the version that made it. */
public record ModelVersion(String modelId, int version) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public ModelVersion {
        Objects.requireNonNull(modelId, "model id");
        if (!ID.matcher(modelId).matches()) {
            throw new IllegalArgumentException("model ids are 1-64 lower-case letters, digits, '_' or '-'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("model versions start at 1");
        }
    }

    public static ModelVersion parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException("a model version looks like name@3");
        }
        try {
            return new ModelVersion(text.substring(0, at), Integer.parseInt(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a model version looks like name@3", e);
        }
    }

    @Override
    public String toString() {
        return modelId + "@" + version;
    }
}
