package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelProblem;
import io.attune.core.model.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Reading a model file is total: whatever an author saves, loading gives a model or an
 * {@link InvalidModelException} whose problems point at lines of that file, never another
 * exception. Inputs are the starter models with lines cut, repeated, re-indented or garbled.
 */
class YamlModelReaderProperties {
    private static final ModelCompiler COMPILER = new ModelCompiler(new ConditionCompiler());
    private static final List<String> GARBLE = List.of(":", "- ", "  ", "'", "\"", "|", "{", "]", "#", "*a", "&a ",
            "!!int ", "abc", "-5", "1e999", ".nan", "~", "\t", "\u00e9");

    @Property(tries = 200)
    void any_edit_of_a_model_file_loads_or_reports_problems_within_the_file(@ForAll("editedModels") String text) {
        int lines = text.split("\\R", -1).length;
        try {
            YamlModels.load("edited.yaml", text, COMPILER);
            Statistics.label("outcome").collect("loads");
        } catch (InvalidModelException e) {
            Statistics.label("outcome").collect("problems");
            assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertLocated(problem, lines));
        }
    }

    @Property(tries = 300)
    void arbitrary_text_loads_or_reports_problems(@ForAll("texts") String text) {
        try {
            YamlModels.load("any.yaml", text, COMPILER);
        } catch (InvalidModelException e) {
            assertThat(e.problems()).isNotEmpty()
                    .allSatisfy(problem -> assertLocated(problem, text.split("\\R", -1).length));
        }
    }

    private static void assertLocated(ModelProblem problem, int lines) {
        assertThat(problem.source()).isIn("edited.yaml", "any.yaml");
        // A parser may point one line past the end when the file ends mid-structure.
        assertThat(problem.line()).isBetween(1, lines + 1);
        assertThat(problem.message()).isNotBlank();
    }

    @Provide
    Arbitrary<String> editedModels() {
        Arbitrary<Segment> segments = Arbitraries.of(Segment.class);
        Arbitrary<List<Edit>> edits = edit().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(segments, edits).as((segment, chosen) -> {
            List<String> lines = new ArrayList<>(Arrays.asList(YamlModels.starterModelText(segment).split("\n", -1)));
            chosen.forEach(change -> change.apply(lines));
            return String.join("\n", lines);
        });
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(GARBLE).list().ofMaxSize(30).map(parts -> String.join("", parts)),
                Arbitraries.of(GARBLE).list().ofMaxSize(30).map(parts -> String.join("\n", parts)));
    }

    private Arbitrary<Edit> edit() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 400);
        Arbitrary<String> garble = Arbitraries.of(GARBLE);
        return Combinators.combine(Arbitraries.of(EditKind.class), positions, garble).as(Edit::new);
    }

    private enum EditKind { DELETE, DUPLICATE, INDENT, DEDENT, INSERT }

    /** One change to one line of a model file; positions wrap around the file's length. */
    private record Edit(EditKind kind, int position, String text) {
        void apply(List<String> lines) {
            if (lines.isEmpty()) {
                return;
            }
            int at = position % lines.size();
            String line = lines.get(at);
            switch (kind) {
                case DELETE -> lines.remove(at);
                case DUPLICATE -> lines.add(at, line);
                case INDENT -> lines.set(at, "  " + line);
                case DEDENT -> lines.set(at, line.stripLeading());
                case INSERT -> lines.set(at, line.substring(0, Math.min(line.length(), position % 17)) + text
                        + line.substring(Math.min(line.length(), position % 17)));
            }
        }
    }
}
