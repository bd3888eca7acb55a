package io.attune.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast path must follow CEL exactly: for expressions of the shapes it translates, over facts
 * with missing keys, wrong types, ints and doubles, and nested maps, the fast condition and the
 * plain CEL program agree on the verdict or both fail. CEL is the reference.
 */
class FastConditionsProperties {
    private static final List<String> KEYS = List.of("a", "b", "n");
    private static final List<String> FIELDS = List.of(
            "props.a", "props.a", "props.b", "props.b", "props.n", "lead.a", "lead.b", "props.n.a", "props.n.b",
            "props.n.n.a", "page.a", "context.a");
    private static final List<String> LITERALS = List.of(
            "0", "1", "-1", "5", "9007199254740993", "0.0", "-0.0", "5.0", "5.5", "1e300", "9007199254740992.0",
            "'abc'", "''", "'5'", "'ABC'", "'a.b'", "'\\u00e9t\\u00e9'", "true", "false");
    private static final List<String> FRAGMENTS = List.of("a", "", "abc", "b", "A", ".", "5", "\\u00e9");
    private static final List<String> REGEXES = List.of(
            "^a", "c$", "(?i)^abc$", "[0-9]+", "^$", "a.b", "\\\\.", "b", "^(vp|chief) ", "\\\\bABC\\\\b");
    private static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=");

    private final ConditionCompiler compiler = new ConditionCompiler();
    private final Map<String, Condition[]> compiled = new LinkedHashMap<>();

    @Property(tries = 2000)
    void fast_path_and_cel_agree(@ForAll("expressions") String expression, @ForAll("facts") TestFacts facts) {
        Condition[] pair = compiled.computeIfAbsent(expression, this::compilePair);
        Statistics.label("path").collect(pair[0].toString().startsWith("fast(") ? "fast" : "cel");

        String fast = outcome(pair[0], facts);
        String cel = outcome(pair[1], facts);
        Statistics.label("outcome").collect(cel);

        assertThat(fast).as("%s over %s", expression, facts).isEqualTo(cel);
    }

    /** Single comparisons over well-typed scalars, where most verdicts are true or false rather than failures. */
    @Property(tries = 1500)
    void fast_path_and_cel_agree_on_comparisons_of_scalars(@ForAll("comparisons") String expression,
            @ForAll("scalars") TestFacts facts) {
        Condition[] pair = compiled.computeIfAbsent(expression, this::compilePair);

        String cel = outcome(pair[1], facts);
        Statistics.label("outcome").collect(cel);

        assertThat(outcome(pair[0], facts)).as("%s over %s", expression, facts).isEqualTo(cel);
    }

    @Property(tries = 300)
    void every_generated_shape_takes_the_fast_path(@ForAll("expressions") String expression) {
        Condition condition = compiled.computeIfAbsent(expression, this::compilePair)[0];

        assertThat(condition.toString()).as(expression).startsWith("fast(");
    }

    private Condition[] compilePair(String expression) {
        try {
            return new Condition[] {compiler.compile(expression), compiler.compileWithoutFastPath(expression)};
        } catch (InvalidConditionException e) {
            throw new AssertionError("the generator wrote an expression that does not check: " + expression
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private static String outcome(Condition condition, Facts facts) {
        try {
            return String.valueOf(condition.test(facts));
        } catch (ConditionFailure failure) {
            return "failure";
        }
    }

    @Provide
    Arbitrary<String> expressions() {
        return expression(3);
    }

    private Arbitrary<String> expression(int depth) {
        if (depth == 0) {
            return atom();
        }
        Arbitrary<String> smaller = Arbitraries.lazy(() -> expression(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, atom()),
                Tuple.of(2, Combinators.combine(smaller, smaller).as((l, r) -> "(" + l + " && " + r + ")")),
                Tuple.of(2, Combinators.combine(smaller, smaller).as((l, r) -> "(" + l + " || " + r + ")")),
                Tuple.of(1, smaller.map(e -> "!(" + e + ")")));
    }

    private Arbitrary<String> atom() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<String> literal = Arbitraries.of(LITERALS);
        Arbitrary<String> op = Arbitraries.of(COMPARISONS);
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS).map(f -> "'" + f + "'");
        return Arbitraries.oneOf(
                Combinators.combine(field, op, literal).as((f, o, l) -> f + " " + o + " " + l),
                Combinators.combine(literal, op, field).as((l, o, f) -> l + " " + o + " " + f),
                Combinators.combine(field, op, field).as((l, o, r) -> l + " " + o + " " + r),
                Combinators.combine(field, literal.list().ofMinSize(1).ofMaxSize(4))
                        .as((f, ls) -> f + " in [" + String.join(", ", ls) + "]"),
                Combinators.combine(field, Arbitraries.of("startsWith", "endsWith", "contains"), fragment)
                        .as((f, fn, s) -> f + "." + fn + "(" + s + ")"),
                Combinators.combine(field, Arbitraries.of(REGEXES))
                        .as((f, re) -> f + ".matches('" + re + "')"),
                Combinators.combine(field, Arbitraries.of(REGEXES))
                        .as((f, re) -> "matches(" + f + ", '" + re + "')"),
                field.map(f -> "has(" + f + ")"),
                field.map(f -> "!has(" + f + ")"),
                field,
                field.map(f -> "!" + f),
                Arbitraries.of("true", "false"));
    }

    @Provide
    Arbitrary<String> comparisons() {
        Arbitrary<String> field = Arbitraries.of("props.a", "props.b");
        return Arbitraries.oneOf(
                Combinators.combine(field, Arbitraries.of(COMPARISONS), Arbitraries.of(LITERALS))
                        .as((f, o, l) -> f + " " + o + " " + l),
                Arbitraries.of(COMPARISONS).map(o -> "props.a " + o + " props.b"),
                Combinators.combine(field, Arbitraries.of(LITERALS).list().ofMinSize(1).ofMaxSize(4))
                        .as((f, ls) -> f + " in [" + String.join(", ", ls) + "]"));
    }

    @Provide
    Arbitrary<TestFacts> scalars() {
        Arbitrary<Object> number = Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, -1L, 5L, 9007199254740993L, Long.MIN_VALUE),
                Arbitraries.of(0.0, -0.0, 1.0, 5.0, 5.5, 1e300, 9007199254740992.0),
                Arbitraries.longs().between(-10, 10).map(l -> l),
                Arbitraries.doubles().between(-10, 10).ofScale(1).map(d -> d));
        Arbitrary<Object> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, number),
                Tuple.of(2, Arbitraries.of("", "abc", "ABC", "5", "a.b", "été", "b").map(t -> t)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> b)));
        return Combinators.combine(scalar, scalar).as((a, b) -> new TestFacts(Map.of("props", Map.of("a", a, "b", b))));
    }

    @Provide
    Arbitrary<TestFacts> facts() {
        return Combinators.combine(map(2), map(1), map(0)).as((props, lead, page) -> new TestFacts(Map.of(
                "props", props, "lead", lead, "page", page)));
    }

    private Arbitrary<Map<String, Object>> map(int depth) {
        Arbitrary<Object> value = value(depth).injectNull(0.15);
        return value.list().ofSize(KEYS.size()).map(values -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < KEYS.size(); i++) {
                if (values.get(i) != null) {
                    map.put(KEYS.get(i), values.get(i));
                }
            }
            return map;
        });
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, -1L, 5L, 6L, 9007199254740993L, Long.MAX_VALUE),
                Arbitraries.of(0.0, -0.0, 1.0, 5.0, 5.5, -2.5, 1e300, 9007199254740992.0),
                Arbitraries.of("", "abc", "ABC", "5", "a.b", "abc.", "VP Benefits", "chief of staff", "été", "b",
                        "x abc y"),
                Arbitraries.of(true, false));
        if (depth == 0) {
            return Arbitraries.frequencyOf(Tuple.of(8, scalar), Tuple.of(1, scalar.list().ofMaxSize(3).map(l -> l)));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(10, scalar),
                Tuple.of(1, scalar.list().ofMaxSize(3).map(l -> l)),
                Tuple.of(3, map(depth - 1).map(m -> m)));
    }

    /** Facts as plain maps; variables not given are empty. */
    record TestFacts(Map<String, Map<String, Object>> variables) implements Facts {
        @Override
        public Map<String, Object> variable(String name) {
            return variables.getOrDefault(name, Map.of());
        }

        @Override
        public String toString() {
            return new ArrayList<>(variables.entrySet()).toString();
        }
    }
}
