package io.attune.core.crisis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The labelled texts of {@code src/test/resources/crisis/*.tsv}: label, note, text. */
final class LabelledSet {

    enum Label { CRISIS, REVIEW, NONE }

    record Example(int line, Label label, String note, String text) {
    }

    private LabelledSet() {
    }

    static List<Example> load(String resource) {
        InputStream in = LabelledSet.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no resource " + resource);
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3 || columns[2].isBlank()) {
                    throw new IllegalStateException(resource + " line " + number + ": expected label, note, text");
                }
                examples.add(new Example(number, Label.valueOf(columns[0].toUpperCase(Locale.ROOT)), columns[1],
                        columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    static Label predicted(Screening screening) {
        if (screening instanceof Screening.Crisis) {
            return Label.CRISIS;
        }
        if (screening instanceof Screening.Review || screening instanceof Screening.SubstanceUseCue) {
            return Label.REVIEW;
        }
        return Label.NONE;
    }
}
