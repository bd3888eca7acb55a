package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhraseBookTest {
    private static final String REQUIRED = """
            class first: i | me | my
            class third: he | she
            class subject: i | he | she
            class negator: not | never
            class not-negating: stop
            class sentence-negator: denies
            class clause: and | but
            class history: years ago
            class current: now
            """;

    @Test
    void a_caller_supplied_book_is_used_as_written() {
        PhraseBook book = PhraseBook.parse(REQUIRED + """
                spell dont: do not
                crisis hopelessness cant-cope: can not cope $
                idiom stew: in a stew
                """);
        CrisisDetector detector = new CrisisDetector(book);

        assertThat(book.size()).isEqualTo(2);
        assertThat(detector.screen("I can't cope.")).isInstanceOf(Screening.Crisis.class);
        assertThat(detector.screen("I want to die")).isEqualTo(Screening.NONE);
        assertThat(detector.screen("she's in a stew")).isInstanceOf(Screening.Review.class);
    }

    @Test
    void inflections_irregular_forms_and_classes_all_match() {
        CrisisDetector detector = new CrisisDetector(PhraseBook.parse(REQUIRED + """
                forms take: took taken
                slot self: myself | my self | himself
                crisis self_harm hurt-self: hurt+ @self
                crisis medical_emergency took-pills: take+ ~2 pills
                """));

        for (String text : new String[] {"hurting myself", "he hurts himself", "hurt my self", "she took all the pills",
                "I have taken pills"}) {
            assertThat(detector.screen(text)).as(text).isInstanceOf(Screening.Crisis.class);
        }
    }

    @Test
    void a_bad_line_is_reported_with_its_number_and_what_is_allowed() {
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "crisis sadness sad: sad\n"))
                .hasMessageContaining("line 10").hasMessageContaining("unknown phrase family 'sadness'")
                .hasMessageContaining("ideation_direct");
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "crisis hopelessness x: @nowhere\n"))
                .hasMessageContaining("line 10").hasMessageContaining("unknown class @nowhere");
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "crisis hopelessness x: ~9 sad\n"))
                .hasMessageContaining("a gap is ~1 to ~6");
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "feeling: sad\n"))
                .hasMessageContaining("unknown line kind 'feeling'");
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "crisis hopelessness x: Sad\n"))
                .hasMessageContaining("not a lower-case word");
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "crisis substance_use x: sad\n"))
                .hasMessageContaining("cues, not crisis entries");
    }

    @Test
    void keys_are_unique_and_the_reading_classes_are_required() {
        assertThatThrownBy(() -> PhraseBook.parse(REQUIRED + "idiom a: b\nidiom a: c\n"))
                .hasMessageContaining("the key 'a' is used twice");
        assertThatThrownBy(() -> PhraseBook.parse("class first: i\n"))
                .hasMessageContaining("must define class third");
    }

    @Test
    void the_standard_book_parses() {
        assertThat(PhraseBook.standard().size()).isGreaterThan(200);
    }

    @Test
    void a_slip_is_tolerated_in_long_words_but_never_turns_one_book_word_into_another() {
        CrisisDetector detector = CrisisDetector.standard();

        assertThat(detector.screen("my son is overdosign")).isInstanceOf(Screening.Crisis.class);
        assertThat(detector.screen("I'm overdoing it at work")).isEqualTo(Screening.NONE);
        assertThat(detector.screen("I see overdoses at work")).isEqualTo(Screening.NONE);
    }
}
