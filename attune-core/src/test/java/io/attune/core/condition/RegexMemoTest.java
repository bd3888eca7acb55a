package io.attune.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RegexMemoTest {
    private static final Pattern TITLE = Pattern.compile("(?i)\\b(vp|director)\\b.*\\bbenefits\\b");

    @Test
    void a_remembered_answer_is_the_pattern_s_answer_for_that_subject_only() {
        RegexMemo memo = new RegexMemo(TITLE);

        assertThat(memo.test("VP, Benefits")).isTrue();
        assertThat(memo.test("HR Generalist")).isFalse();
        assertThat(memo.test("VP, Benefits")).isTrue();
        assertThat(memo.test("HR Generalist")).isFalse();
        assertThat(memo.test("Director of Benefits")).isTrue();
    }

    @Test
    void answers_stay_right_after_the_memory_fills_up_and_is_emptied() {
        RegexMemo memo = new RegexMemo(TITLE);
        IntStream.range(0, RegexMemo.CAPACITY * 2 + 7).forEach(i -> {
            String subject = (i % 3 == 0 ? "VP of Benefits " : "Benefits VP ") + i;
            assertThat(memo.test(subject)).as(subject).isEqualTo(i % 3 == 0);
        });
        assertThat(memo.test("VP of Benefits 0")).isTrue();
        assertThat(memo.test("Benefits VP 1")).isFalse();
    }

    @Test
    void long_texts_get_the_pattern_s_answer_too() {
        RegexMemo memo = new RegexMemo(TITLE);
        String padding = "x".repeat(RegexMemo.LONGEST_KEPT);

        assertThat(memo.test("director " + padding + " benefits")).isTrue();
        assertThat(memo.test("manager " + padding + " benefits")).isFalse();
    }
}
