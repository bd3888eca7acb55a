package io.attune.store.model;

import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Loads scoring models from YAML text, files, and the five starter models bundled with Attune. */
public final class YamlModels {
    private static final YamlModelReader READER = new YamlModelReader();

    private YamlModels() {
    }

    /**
     * Reads and compiles one model.
     *
     * @param source how problems name the file, e.g. {@code employer.yaml}
     * @throws InvalidModelException listing every problem, each with file, line and rule
     */
    public static ScoringModel load(String source, String text, ModelCompiler compiler) throws InvalidModelException {
        return compiler.compile(READER.read(source, text));
    }

    /** Reads and compiles a model file; problems name the file by the path as given. */
    public static ScoringModel load(Path file, ModelCompiler compiler) throws IOException, InvalidModelException {
        return load(file.toString(), Files.readString(file, StandardCharsets.UTF_8), compiler);
    }

    /** The starter model of every segment, compiled. */
    public static Map<Segment, ScoringModel> starterModels(ModelCompiler compiler) {
        Map<Segment, ScoringModel> models = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            models.put(segment, starterModel(segment, compiler));
        }
        return Collections.unmodifiableMap(models);
    }

    /** One segment's starter model, compiled. */
    public static ScoringModel starterModel(Segment segment, ModelCompiler compiler) {
        try {
            return load(starterModelFile(segment), starterModelText(segment), compiler);
        } catch (InvalidModelException e) {
            // The starter models ship inside this jar and are tested; one that fails is a bug.
            throw new IllegalStateException("the bundled starter model does not load:\n" + e.getMessage(), e);
        }
    }

    /** The YAML text of a segment's starter model, e.g. to copy it as the start of an organisation's own. */
    public static String starterModelText(Segment segment) {
        String resource = "/models/" + starterModelFile(segment);
        try (InputStream in = YamlModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the starter model " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name of a segment's starter model, e.g. {@code employer.yaml}. */
    public static String starterModelFile(Segment segment) {
        return segment.wireName() + ".yaml";
    }
}
