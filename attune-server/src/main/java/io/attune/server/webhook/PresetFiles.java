package io.attune.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.attune.server.webhook.InvalidPresetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads preset files (YAML; the format is in docs/webhooks.md): those on the classpath under
 * {@code presets/} (Attune ships {@code hubspot-contact} and {@code salesforce-lead}; a file added
 * there is found by its name, with no code to change) and an operator's own files. A file is
 * checked whole before it is used: unknown keys, unknown sources, stage names that do not exist,
 * bands out of order. Every problem names the file and the key. Immutable and thread-safe.
 */
public final class PresetFiles {
    static final Pattern PRESET_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * The preset {@code presets/<name>.yaml} on the classpath, such as {@code hubspot-contact}.
     *
     * @throws IllegalArgumentException when there is no such file
     * @throws InvalidPresetException when the file is not a valid preset, or names another preset
     */
    public Preset named(String name) {
        if (name == null || !PRESET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a preset name is 1-64 lower-case letters, digits or '-', "
                    + "starting with a letter, such as hubspot-contact");
        }
        String resource = "presets/" + name + ".yaml";
        String text;
        try (InputStream in = PresetFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no preset named '" + name + "': " + resource
                        + " is not on the classpath (Attune ships hubspot-contact and salesforce-lead)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Preset preset = read(resource, text);
        if (!preset.name().equals(name)) {
            throw new InvalidPresetException(resource, List.of(new Problem("preset",
                    "the file " + resource + " must name itself '" + name + "', not '" + preset.name() + "'")));
        }
        return preset;
    }

    /** Reads an operator's preset file, for a CRM or an object Attune does not ship a preset for. */
    public Preset load(Path file) throws IOException {
        return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * @param file how problems name the file
     * @throws InvalidPresetException listing every problem found
     */
    public Preset read(String file, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidPresetException(file, List.of(new Problem("",
                    "line " + line + ": not valid YAML (" + e.getOriginalMessage() + ")")));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPresetException(file, List.of(new Problem("",
                    "a preset file is a mapping with the keys preset, description and properties")));
        }
        return new PresetReader(file).preset(root);
    }
}
