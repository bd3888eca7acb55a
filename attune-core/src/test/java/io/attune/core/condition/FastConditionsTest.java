package io.attune.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regressions of the fast path against CEL; each names the CEL behaviour it protects. */
class FastConditionsTest {
    private final ConditionCompiler compiler = new ConditionCompiler();

    @Test
    void has_compiles_and_runs_on_the_fast_path() throws Exception {
        Condition condition = compiler.compile("has(lead.title) && lead.title.contains('VP')");

        assertThat(condition.toString()).startsWith("fast(");
        assertThat(condition.test(lead(Map.of("title", "VP Benefits")))).isTrue();
        assertThat(condition.test(lead(Map.of()))).isFalse();
        assertThat(compiler.compileWithoutFastPath("has(lead.title)").test(lead(Map.of()))).isFalse();
    }

    @Test
    void a_non_bool_operand_of_and_fails_even_when_the_other_side_is_false() throws Exception {
        Facts facts = props(Map.of("title", "VP"));

        for (String expression : List.of("props.title && false", "false || props.title && false",
                "props.title || true", "true && props.title")) {
            assertThatThrownBy(() -> compiler.compile(expression).test(facts)).as(expression)
                    .isInstanceOf(ConditionFailure.class);
            assertThatThrownBy(() -> compiler.compileWithoutFastPath(expression).test(facts)).as(expression)
                    .isInstanceOf(ConditionFailure.class);
        }
    }

    @Test
    void a_missing_key_is_absorbed_when_the_other_side_of_and_or_decides() throws Exception {
        Facts none = props(Map.of());

        assertThat(compiler.compile("props.missing == 1 && false").test(none)).isFalse();
        assertThat(compiler.compile("props.missing == 1 || true").test(none)).isTrue();
        assertThatThrownBy(() -> compiler.compile("props.missing == 1 && true").test(none))
                .isInstanceOf(ConditionFailure.class);
    }

    @Test
    void negative_zero_equals_zero_between_doubles_but_not_against_the_int_zero() throws Exception {
        Facts facts = props(Map.of("d", -0.0, "i", 0L));

        for (String expression : List.of("props.d == 0.0", "props.d >= 0.0", "props.d in [0.0]", "props.i == 0.0",
                "props.d < props.i", "props.i != -0.0", "!(props.d < 0.0)")) {
            assertThat(compiler.compileWithoutFastPath(expression).test(facts)).as("CEL: " + expression).isTrue();
            assertThat(compiler.compile(expression).test(facts)).as("fast: " + expression).isTrue();
        }
    }

    @Test
    void ints_and_doubles_compare_as_doubles() throws Exception {
        Facts facts = props(Map.of("big", 9007199254740993L, "five", 5L));

        assertThat(compiler.compile("props.big == 9007199254740992.0").test(facts)).isTrue();
        assertThat(compiler.compile("props.five in [5.0, 'five']").test(facts)).isTrue();
        assertThat(compiler.compile("props.five < 5.5").test(facts)).isTrue();
    }

    @Test
    void comparing_values_of_different_types_fails_but_equality_is_false() throws Exception {
        Facts facts = props(Map.of("title", "VP"));

        assertThat(compiler.compile("props.title == 1").test(facts)).isFalse();
        assertThatThrownBy(() -> compiler.compile("props.title < 1").test(facts))
                .isInstanceOf(ConditionFailure.class);
    }

    private static Facts props(Map<String, Object> props) {
        return name -> name.equals("props") ? props : Map.of();
    }

    private static Facts lead(Map<String, Object> lead) {
        return name -> name.equals("lead") ? lead : Map.of();
    }
}
