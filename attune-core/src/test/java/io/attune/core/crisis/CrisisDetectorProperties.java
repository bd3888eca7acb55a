package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.crisis.LabelledSet.Example;
import io.attune.core.crisis.LabelledSet.Label;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Surface changes never hide crisis language: case, spacing, punctuation at the edges, quote
 * style and dropped apostrophes leave a crisis a crisis, and so does ordinary text around it. And
 * the detector is total: any text gives a screening whose spans lie inside it.
 */
class CrisisDetectorProperties {
    private static final CrisisDetector DETECTOR = CrisisDetector.standard();
    private static final List<Example> LABELLED = LabelledSet.load("/crisis/labelled.tsv");
    private static final List<String> CRISIS = LABELLED.stream().filter(example -> example.label() == Label.CRISIS)
            .map(Example::text).filter(text -> DETECTOR.screen(text) instanceof Screening.Crisis).toList();
    private static final List<String> ORDINARY = LABELLED.stream().filter(example -> example.label() == Label.NONE)
            .map(Example::text).filter(text -> DETECTOR.screen(text) == Screening.NONE).toList();

    @Property(tries = 500)
    void case_spacing_punctuation_and_apostrophes_never_turn_a_crisis_into_anything_else(
            @ForAll("crisisTexts") String text, @ForAll("surfaceChanges") SurfaceChange change) {
        String changed = change.apply(text);

        assertThat(DETECTOR.screen(changed)).as("%s%n  became  %s", text, changed).isInstanceOf(Screening.Crisis.class);
    }

    @Property(tries = 500)
    void ordinary_text_around_a_crisis_phrase_keeps_it_a_crisis(@ForAll("crisisTexts") String text,
            @ForAll("ordinaryTexts") String before, @ForAll("ordinaryTexts") String after,
            @ForAll("sentenceBreaks") String firstBreak, @ForAll("sentenceBreaks") String secondBreak) {
        String message = before + firstBreak + text + secondBreak + after;

        assertThat(DETECTOR.screen(message)).as(message).isInstanceOf(Screening.Crisis.class);
    }

    @Property(tries = 1000)
    void any_text_gets_a_screening_whose_spans_lie_inside_it(@ForAll("anyTexts") String text) {
        Screening screening = DETECTOR.screen(text);

        for (Span span : spans(screening)) {
            assertThat(span.end()).isLessThanOrEqualTo(text.length());
            assertThat(span.in(text)).isNotBlank();
        }
    }

    @Property(tries = 300)
    void screening_the_same_text_twice_gives_the_same_answer(@ForAll("anyTexts") String text) {
        assertThat(DETECTOR.screen(text)).isEqualTo(DETECTOR.screen(text));
    }

    @Provide
    Arbitrary<String> crisisTexts() {
        return Arbitraries.of(CRISIS);
    }

    @Provide
    Arbitrary<String> ordinaryTexts() {
        return Arbitraries.of(ORDINARY);
    }

    @Provide
    Arbitrary<String> sentenceBreaks() {
        return Arbitraries.of(". ", ".\n", "\n\n", "! ", "? ", ".  ", "\r\n");
    }

    @Provide
    Arbitrary<SurfaceChange> surfaceChanges() {
        Arbitrary<Long> caseSeed = Arbitraries.longs();
        Arbitrary<String> space = Arbitraries.of(" ", "  ", "\t", " \t ", "   ");
        Arbitrary<String> edge = Arbitraries.of("", "!!!", "...", "?", " :(", "!!", "\u2026", " ");
        Arbitrary<String> lead = Arbitraries.of("", " ", "\n", "> ", "\"", "-- ");
        Arbitrary<Apostrophes> apostrophes = Arbitraries.of(Apostrophes.class);
        return Combinators.combine(caseSeed, space, edge, lead, apostrophes).as(SurfaceChange::new);
    }

    @Provide
    Arbitrary<String> anyTexts() {
        Arbitrary<String> words = Arbitraries.of("i", "want", "to", "die", "not", "don't", "kill", "myself", "he",
                "she", "my", "son", "pills", "took", "too", "many", "can't", "wake", "him", "up", "suicide", "dying",
                "killing", "it", "me", "history", "of", "in", "2015", "used", "drinking", "alone", "safe", "at", "home",
                "overdosing", "no", "point", "anymore", "\u00e9t\u00e9", "\ud83d\ude1e", "", "'", "\u2019s", "#", "@");
        Arbitrary<String> separators = Arbitraries.of(" ", ". ", ", ", "\n", "", "'", "-", "!", "?", "\u2014");
        Arbitrary<String> built = Combinators.combine(words.list().ofMaxSize(25), separators.list().ofMaxSize(25))
                .as(CrisisDetectorProperties::interleave);
        return Arbitraries.oneOf(built, Arbitraries.strings().ofMaxLength(200));
    }

    private static String interleave(List<String> words, List<String> separators) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            text.append(words.get(i)).append(separators.isEmpty() ? " " : separators.get(i % separators.size()));
        }
        return text.toString();
    }

    private static List<Span> spans(Screening screening) {
        List<Span> spans = new ArrayList<>();
        if (screening instanceof Screening.Crisis) {
            ((Screening.Crisis) screening).matches().forEach(match -> spans.add(match.span()));
            ((Screening.Crisis) screening).substanceUseCues().forEach(match -> spans.add(match.span()));
        } else if (screening instanceof Screening.Review) {
            ((Screening.Review) screening).matches().forEach(match -> spans.add(match.span()));
            ((Screening.Review) screening).substanceUseCues().forEach(match -> spans.add(match.span()));
        } else if (screening instanceof Screening.SubstanceUseCue) {
            ((Screening.SubstanceUseCue) screening).cues().forEach(match -> spans.add(match.span()));
        }
        return spans;
    }

    enum Apostrophes { KEEP, CURLY, DROP }

    /** A change of surface only: letter case, the spaces between words, edge punctuation, quote style. */
    record SurfaceChange(long caseSeed, String space, String edge, String lead, Apostrophes apostrophes) {
        String apply(String text) {
            String quoted = switch (apostrophes) {
                case KEEP -> text;
                case CURLY -> text.replace('\'', '\u2019');
                case DROP -> text.replace("'", "").replace("\u2019", "");
            };
            StringBuilder cased = new StringBuilder();
            long bits = caseSeed;
            for (char c : quoted.toCharArray()) {
                cased.append((bits & 1) == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
                bits = Long.rotateRight(bits, 1);
            }
            return lead + cased.toString().replace(" ", space) + edge;
        }
    }
}
