package io.attune.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.server.webhook.InvalidPresetException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetFilesTest {
    private final PresetFiles files = new PresetFiles();

    private InvalidPresetException refused(String yaml) {
        try {
            files.read("acme.yaml", yaml);
        } catch (InvalidPresetException e) {
            return e;
        }
        throw new AssertionError("the preset was accepted");
    }

    private static String preset(String properties) {
        return "preset: acme\ndescription: a test preset\nproperties:\n" + properties;
    }

    @Test
    void the_presets_attune_ships_load() {
        for (String name : List.of("hubspot-contact", "salesforce-lead")) {
            Preset preset = files.named(name);
            assertThat(preset.name()).isEqualTo(name);
            assertThat(preset.properties()).isNotEmpty();
        }
    }

    @Test
    void a_preset_that_is_not_on_the_classpath_is_refused_naming_the_file_looked_for() {
        assertThatThrownBy(() -> files.named("zoho-lead")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no preset named 'zoho-lead': presets/zoho-lead.yaml is not on the classpath "
                        + "(Attune ships hubspot-contact and salesforce-lead)");
        assertThatThrownBy(() -> files.named("../secrets")).hasMessageContaining("lower-case letters");
    }

    @Test
    void a_classpath_preset_must_name_itself_as_its_file_does() {
        assertThatThrownBy(() -> files.named("misnamed")).isInstanceOf(InvalidPresetException.class)
                .hasMessage("presets/misnamed.yaml: preset: the file presets/misnamed.yaml must name itself "
                        + "'misnamed', not 'something-else'");
    }

    @Test
    void an_unknown_source_is_refused_naming_the_file_and_the_key() {
        InvalidPresetException e = refused(preset("  lifecyclestage: {from: stag, map: {mql: x}}\n"));

        assertThat(e.file()).isEqualTo("acme.yaml");
        assertThat(e.problems()).extracting(Problem::key).containsExactly("properties.lifecyclestage.from");
        assertThat(e.getMessage()).startsWith("acme.yaml: properties.lifecyclestage.from: unknown source 'stag'")
                .contains("fields.<trait>");
    }

    @Test
    void a_stage_that_does_not_exist_is_refused() {
        InvalidPresetException e = refused(preset("  Status:\n    from: stage\n    map: {mql: Open, sqll: Working}\n"));

        assertThat(e.getMessage()).startsWith("acme.yaml: properties.Status.map.sqll: 'sqll' is not a value of stage;")
                .contains("mql, opportunity");
    }

    @Test
    void an_event_type_that_does_not_exist_is_refused() {
        assertThat(refused(preset("  kind: {from: type, map: {lead.mqa: x}}\n")).getMessage())
                .contains("properties.kind.map.lead.mqa: 'lead.mqa' is not a value of type");
    }

    @Test
    void bands_out_of_order_are_refused() {
        InvalidPresetException e = refused(preset("""
                  Rating:
                    from: score.total
                    bands:
                      - {atLeast: 50, value: Warm}
                      - {atLeast: 85, value: Hot}
                      - {value: Cold}
                """));

        assertThat(e.getMessage()).isEqualTo("acme.yaml: properties.Rating.bands[1].atLeast: bands go from the highest "
                + "atLeast down; 85 is not below the band before it");
    }

    @Test
    void a_catch_all_band_must_come_last_and_bands_need_a_number() {
        InvalidPresetException e = refused(preset("""
                  Rating:
                    from: stage
                    bands:
                      - {value: Cold}
                      - {atLeast: high, value: Hot}
                """));

        assertThat(e.problems()).extracting(Problem::key).containsExactly("properties.Rating.from",
                "properties.Rating.bands[0]", "properties.Rating.bands[1].atLeast");
    }

    @Test
    void a_property_is_a_constant_or_a_source_never_both_nor_neither() {
        assertThat(refused(preset("  a: {value: 1, from: stage}\n")).getMessage())
                .isEqualTo("acme.yaml: properties.a.from: a constant (value) takes no from");
        assertThat(refused(preset("  a: {default: x}\n")).getMessage())
                .isEqualTo("acme.yaml: properties.a: give value (a constant) or from (a source such as stage or "
                        + "fields.title)");
        assertThat(refused(preset("  a: stage\n")).getMessage()).contains("properties.a: a property is a mapping");
        assertThat(refused(preset("  a: {from: stage, map: {mql: x}, bands: [{value: y}]}\n")).getMessage())
                .contains("properties.a: give map or bands, not both");
    }

    @Test
    void constants_are_scalars() {
        assertThat(refused(preset("  a: {value: [1, 2]}\n")).getMessage())
                .isEqualTo("acme.yaml: properties.a.value: needs a text, number or true/false value");
        assertThat(refused(preset("  a: {value: null}\n")).getMessage()).contains("properties.a.value");
    }

    @Test
    void unknown_keys_are_refused_with_the_keys_allowed_there() {
        InvalidPresetException e = refused("preset: acme\ndescription: d\nversion: 2\nproperties:\n"
                + "  a: {from: stage, mapping: {mql: x}}\n");

        assertThat(e.problems()).containsExactly(
                new Problem("version", "unknown key; allowed here: preset, description, properties"),
                new Problem("properties.a.mapping", "unknown key; allowed here: value, from, map, bands, default"));
    }

    @Test
    void every_problem_is_reported_at_once() {
        InvalidPresetException e = refused("preset: Acme CRM\nproperties:\n  a: {from: nowhere}\n  b: {value: {}}\n");

        assertThat(e.problems()).extracting(Problem::key)
                .containsExactly("preset", "description", "properties.a.from", "properties.b.value");
    }

    @Test
    void a_file_that_is_not_yaml_or_not_a_mapping_is_refused() {
        assertThat(refused("preset: [unclosed\n").getMessage()).startsWith("acme.yaml: line ")
                .contains("not valid YAML");
        assertThat(refused("").getMessage()).isEqualTo("acme.yaml: a preset file is a mapping with the keys preset, "
                + "description and properties");
        assertThat(refused("- a\n- b\n").getMessage()).contains("a preset file is a mapping");
    }

    @Test
    void a_key_given_twice_is_refused() {
        assertThat(refused(preset("  a: {value: 1}\n  a: {value: 2}\n")).getMessage()).startsWith("acme.yaml: line ")
                .contains("not valid YAML");
    }

    @Test
    void a_preset_without_properties_is_refused() {
        assertThat(refused("preset: acme\ndescription: d\nproperties: {}\n").getMessage())
                .isEqualTo("acme.yaml: properties: a preset needs properties: a mapping of CRM property names to rules");
    }

    @Test
    void a_file_on_disk_is_named_by_its_path(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zoho.yaml");
        Files.writeString(file, preset("  Lead_Status: {from: stage, map: {mqll: Contacted}}\n"));

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(InvalidPresetException.class)
                .hasMessageStartingWith(file + ": properties.Lead_Status.map.mqll:");
    }
}
