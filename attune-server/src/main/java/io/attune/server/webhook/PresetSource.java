package io.attune.server.webhook;

import io.attune.core.handoff.HandOffType;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a preset property takes its value: a CloudEvents attribute ({@code type}, {@code id},
 * {@code time}, {@code subject}, {@code source}), a key of the hand-off's data ({@code lead},
 * {@code account}, {@code segment}, {@code stage}, {@code from}, {@code cause}, {@code actor},
 * {@code model}, {@code score.fit}, {@code score.engagement}, {@code score.total}, {@code reasons} —
 * the top reasons as one line of text), or an allowed field ({@code fields.title},
 * {@code fields.company.name}). Fields the destination may not receive are absent, so a preset
 * cannot widen the allow-list.
 */
public record PresetSource(String path) {
    private static final List<String> NAMED = List.of("type", "id", "time", "subject", "source", "lead", "account",
            "segment", "stage", "from", "cause", "actor", "model", "score.fit", "score.engagement", "score.total",
            "reasons");
    private static final Set<String> NUMERIC = Set.of("score.fit", "score.engagement", "score.total");
    private static final Map<String, Set<String>> CLOSED = Map.of(
            "type", wireNames(Arrays.stream(HandOffType.values()).map(HandOffType::wireName)),
            "stage", wireNames(Arrays.stream(Stage.values()).map(Stage::wireName)),
            "from", wireNames(Arrays.stream(Stage.values()).map(Stage::wireName)),
            "segment", wireNames(Arrays.stream(Segment.values()).map(Segment::wireName)));
    private static final String FIELDS = "fields.";
    private static final String KEY = "[A-Za-z_$][A-Za-z0-9_$-]*";
    private static final Pattern FIELD_PATH = Pattern.compile(KEY + "(\\." + KEY + ")*");

    public PresetSource {
        Objects.requireNonNull(path, "source");
        if (!NAMED.contains(path)
                && !(path.startsWith(FIELDS) && FIELD_PATH.matcher(path.substring(FIELDS.length())).matches())) {
            throw new IllegalArgumentException("unknown source '" + path + "'; a source is one of "
                    + String.join(", ", NAMED) + ", or fields.<trait> (fields.company.name for a nested one)");
        }
    }

    /** Whether the source is a number, which is what score bands need. */
    public boolean numeric() {
        return NUMERIC.contains(path);
    }

    /** The values a closed source can take (stages, segments, event types); empty for open ones. */
    public Optional<Set<String>> values() {
        return Optional.ofNullable(CLOSED.get(path));
    }

    /** The path's steps inside the preset view (see {@code PresetMapper}). */
    List<String> steps() {
        return List.of(path.split("\\."));
    }

    private static Set<String> wireNames(Stream<String> names) {
        return names.collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return path;
    }
}
