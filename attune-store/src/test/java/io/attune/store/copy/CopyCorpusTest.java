package io.attune.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.attune.core.copy.CopyFormat;
import io.attune.core.copy.Finding;
import io.attune.core.copy.Severity;
import io.attune.core.copy.SubstantiationId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the standard rules on a corpus of realistic copy for the five segments
 * (landing pages, emails, SMS, ads, a newsletter) against what a reviewer should flag
 * ({@code copy-corpus/expected.yaml}). A block or warn finding counts when it has the expected rule
 * and overlaps the expected text; info findings (substantiated claims) are not problems.
 */
class CopyCorpusTest {
    /** The floors are below the measured figures (see the README) by a margin, so that a regression fails. */
    private static final double PRECISION_FLOOR = 0.95;
    private static final double RECALL_FLOOR = 0.95;
    private static final ObjectMapper YAML = new YAMLMapper();

    record Expected(String rule, String text) {
    }

    record Corpus(List<String> substantiations, Map<String, List<Expected>> files) {
    }

    private record Place(String rule, int start, int end, String text) {
        boolean matches(Place other) {
            return rule.equals(other.rule) && start < other.end && other.start < end;
        }
    }

    @Test
    void the_standard_rules_find_what_a_reviewer_would_with_few_false_alarms() throws IOException {
        Corpus corpus = YAML.readValue(resource("expected.yaml"), Corpus.class);
        Set<SubstantiationId> registered = corpus.substantiations().stream().map(SubstantiationId::new)
                .collect(Collectors.toSet());
        int truePositives = 0;
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Map.Entry<String, List<Expected>> file : corpus.files().entrySet()) {
            String source = resource(file.getKey());
            List<Place> expected = expectedPlaces(file.getKey(), source, file.getValue());
            List<Place> found = new ArrayList<>();
            for (Finding finding : YamlCopyRules.standardLinter().lint(source,
                    CopyFormat.ofFileName(file.getKey()), registered).findings()) {
                if (finding.severity() != Severity.INFO) {
                    found.add(new Place(finding.rule().value(), finding.span().start().offset(),
                            finding.span().end().offset(), finding.check() + " \"" + finding.span().text() + "\""));
                }
            }
            for (Place want : expected) {
                Place hit = found.stream().filter(want::matches).findFirst().orElse(null);
                if (hit == null) {
                    missed.add(file.getKey() + ": " + want.rule() + " " + want.text());
                } else {
                    found.remove(hit);
                    truePositives++;
                }
            }
            found.forEach(alarm -> falseAlarms.add(file.getKey() + ": " + alarm.rule() + " " + alarm.text()));
        }
        double precision = truePositives / (double) (truePositives + falseAlarms.size());
        double recall = truePositives / (double) (truePositives + missed.size());
        String summary = String.format("copy corpus: %d files, %d expected findings; precision %.3f (%d/%d), "
                        + "recall %.3f (%d/%d)%nmissed: %s%nfalse alarms: %s", corpus.files().size(),
                truePositives + missed.size(), precision, truePositives, truePositives + falseAlarms.size(), recall,
                truePositives, truePositives + missed.size(), missed, falseAlarms);
        System.out.println(summary);

        assertThat(precision).as(summary).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(recall).as(summary).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    /** Where each expected text is: its first occurrence not already taken by the same text. */
    private static List<Place> expectedPlaces(String file, String source, List<Expected> expected) {
        List<Place> places = new ArrayList<>();
        for (Expected want : expected) {
            int at = source.indexOf(want.text());
            while (at >= 0 && isTaken(places, want, at)) {
                at = source.indexOf(want.text(), at + 1);
            }
            if (at < 0) {
                throw new IllegalStateException(file + " does not contain \"" + want.text() + "\"");
            }
            places.add(new Place(want.rule(), at, at + want.text().length(), want.text()));
        }
        return places;
    }

    private static boolean isTaken(List<Place> places, Expected want, int at) {
        return places.stream().anyMatch(place -> place.start() == at && place.text().equals(want.text()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CopyCorpusTest.class.getResourceAsStream("/copy-corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
