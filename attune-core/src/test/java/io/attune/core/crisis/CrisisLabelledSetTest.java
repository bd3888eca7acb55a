package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.crisis.LabelledSet.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector measured on the labelled set ({@code crisis/labelled.tsv}); the figures printed
 * here are the ones the README quotes. Run alone with
 * {@code mvn -q -B -pl attune-core test -Dtest=CrisisLabelledSetTest}.
 */
class CrisisLabelledSetTest {
    private static final double RECALL_BAR = 0.95;
    private static final double FALSE_POSITIVE_CEILING = 0.05;

    private final List<Example> examples = LabelledSet.load("/crisis/labelled.tsv");
    private final Measurement standard = Measurement.of(CrisisDetector.standard(), examples);

    @Test
    void the_labelled_set_is_big_enough_and_covers_every_label_and_family() {
        assertThat(examples).hasSizeGreaterThanOrEqualTo(300);
        for (LabelledSet.Label label : LabelledSet.Label.values()) {
            assertThat(standard.labelled(label)).as(label.name()).isGreaterThanOrEqualTo(50);
        }
        for (PhraseFamily family : PhraseFamily.values()) {
            if (family.isCrisis()) {
                assertThat(examples).as(family.wireName())
                        .filteredOn(example -> example.note().equals(family.wireName()))
                        .hasSizeGreaterThanOrEqualTo(10);
            }
        }
    }

    @Test
    void recall_on_crisis_texts_is_at_least_95_percent() {
        System.out.println(standard.report("labelled.tsv"));

        assertThat(standard.recall()).as("recall; missed:%n%s", String.join("\n", standard.missedCrisis))
                .isGreaterThanOrEqualTo(RECALL_BAR);
    }

    @Test
    void few_ordinary_texts_are_flagged_crisis() {
        assertThat(standard.falsePositiveRate()).as("false positives:%n%s", String.join("\n", standard.falseCrisis))
                .isLessThanOrEqualTo(FALSE_POSITIVE_CEILING);
    }

    @Test
    void labelled_idioms_go_to_review_not_crisis() {
        long idioms = examples.stream().filter(example -> example.note().equals("idiom")).count();

        assertThat(standard.idiomsAsCrisis.size()).as("idioms flagged crisis:%n%s",
                String.join("\n", standard.idiomsAsCrisis)).isLessThanOrEqualTo((int) (idioms / 20));
    }

    @Test
    void the_recall_bar_fails_a_detector_that_finds_nothing() {
        PhraseBook vocabularyOnly = PhraseBook.parse(CrisisPhrases.TEXT.lines()
                .filter(line -> !line.strip().matches("^(crisis|review|cue|idiom|topic) .*"))
                .reduce("", (text, line) -> text + line + "\n"));

        Measurement nothing = Measurement.of(new CrisisDetector(vocabularyOnly), examples);

        assertThat(vocabularyOnly.size()).isZero();
        assertThat(nothing.recall()).isLessThan(RECALL_BAR);
    }
}
