package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.crisis.PhrasePattern.Hit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Trying each pattern only where its first words accept the token finds exactly what trying it at
 * every token finds: over the labelled and held-out sets, and over texts made of the phrase book's
 * own words, slips of them, numbers and years, where a wrong opening would show first.
 */
class OpeningsTest {
    private static final PhraseBook BOOK = PhraseBook.standard();
    private static final List<String> TEXTS = Stream.concat(LabelledSet.load("/crisis/labelled.tsv").stream(),
            LabelledSet.load("/crisis/holdout.tsv").stream()).map(LabelledSet.Example::text).toList();

    @Test
    void the_labelled_texts_give_the_same_matches_as_trying_every_token() {
        for (String text : TEXTS) {
            assertSameMatches(text);
        }
    }

    @Test
    void a_text_without_any_first_word_tries_no_pattern() {
        BitSet[] starts = BOOK.openings().startsIn(BOOK.read("Benefits guide customer story"));

        assertThat(Stream.of(starts).filter(bits -> !bits.isEmpty()).count())
                .as("patterns tried on a text with no phrase-book word").isZero();
    }

    @Property(tries = 2000)
    void texts_of_phrase_book_words_give_the_same_matches_as_trying_every_token(@ForAll("bookTexts") String text) {
        assertSameMatches(text);
    }

    @Provide
    Arbitrary<String> bookTexts() {
        List<String> words = new ArrayList<>();
        for (String text : TEXTS) {
            for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9']+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(words), Arbitraries.of(words).map(OpeningsTest::slip),
                Arbitraries.of("12", "2015", "twenty", "dozens", "killin", "overdosin", ".", ",", "and", "but"));
        return word.list().ofMinSize(1).ofMaxSize(14).map(parts -> String.join(" ", parts));
    }

    /** A one-letter typing slip after the first letter, so that fuzzy first words are exercised. */
    private static String slip(String word) {
        if (word.length() < 6) {
            return word;
        }
        int at = 1 + Math.abs(word.hashCode() % (word.length() - 1));
        return word.substring(0, at) + word.substring(at + 1);
    }

    private static void assertSameMatches(String text) {
        Text words = BOOK.read(text);
        BitSet[] openings = BOOK.openings().startsIn(words);
        BitSet everywhere = new BitSet();
        everywhere.set(0, words.size());
        for (int i = 0; i < BOOK.entries().size(); i++) {
            PhrasePattern pattern = BOOK.entries().get(i).pattern();
            assertThat(describe(pattern.findAll(words, openings[i])))
                    .as("pattern '%s' on \"%s\"", pattern, text)
                    .isEqualTo(describe(pattern.findAll(words, everywhere)));
        }
    }

    private static List<String> describe(List<Hit> hits) {
        return hits.stream().map(hit -> hit.from() + "-" + hit.to() + " slots " + ranges(hit.slots()) + " gaps "
                + ranges(hit.gaps())).toList();
    }

    private static String ranges(List<int[]> ranges) {
        return ranges.stream().map(range -> range[0] + ":" + range[1]).toList().toString();
    }
}
