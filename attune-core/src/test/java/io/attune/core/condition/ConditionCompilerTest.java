package io.attune.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionCompilerTest {
    private final ConditionCompiler compiler = new ConditionCompiler();

    @Test
    void an_empty_condition_does_not_compile() {
        assertThatThrownBy(() -> compiler.compile("  ")).isInstanceOf(InvalidConditionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void a_problem_names_its_line_and_column_within_the_expression() {
        assertThatThrownBy(() -> compiler.compile("props.a == 1 &&\n  nope.b == 2"))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.problems())
                        .containsExactly(new ConditionProblem(2, 3, "undeclared reference to 'nope' (in container '')")));
    }

    @Test
    void a_condition_must_yield_a_bool() {
        assertThatThrownBy(() -> compiler.compile("1 + 1")).isInstanceOf(InvalidConditionException.class)
                .hasMessageContaining("bool");
    }

    @Test
    void a_regular_expression_that_does_not_compile_stops_the_condition_at_load() {
        // RE2 has no look-ahead; CEL itself would only find out on the first event
        assertThatThrownBy(() -> compiler.compile("has(lead.title) &&\n  lead.title.matches('^(?=VP)')"))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.line()).isEqualTo(2);
                            assertThat(problem.column()).isEqualTo(22);
                            assertThat(problem.message()).startsWith("invalid regular expression");
                        }));
        assertThatThrownBy(() -> compiler.compile("matches(props.a, '(unclosed')"))
                .isInstanceOf(InvalidConditionException.class);
        assertThatThrownBy(() -> compiler.compile("props.tags.exists(t, t.matches('['))"))
                .isInstanceOf(InvalidConditionException.class);
    }

    @Test
    void shapes_the_fast_path_does_not_cover_run_as_cel_programs() throws Exception {
        Facts facts = name -> name.equals("props") ? Map.of("tags", List.of("grief", "anxiety")) : Map.of();

        Condition exists = compiler.compile("props.tags.exists(t, t == 'anxiety')");
        Condition size = compiler.compile("size(props.tags) > 1");

        assertThat(exists.toString()).startsWith("cel(");
        assertThat(exists.test(facts)).isTrue();
        assertThat(size.test(facts)).isTrue();
    }

    @Test
    void a_condition_keeps_its_source() throws Exception {
        assertThat(compiler.compile("page.path == '/pricing'").source()).isEqualTo("page.path == '/pricing'");
        assertThat(compiler.compile("size(props.tags) > 1").source()).isEqualTo("size(props.tags) > 1");
    }
}
