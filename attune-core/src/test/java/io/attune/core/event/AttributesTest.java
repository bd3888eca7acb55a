package io.attune.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void integers_become_longs() {
        Attributes attributes = Attributes.of(Map.of("int", 3, "short", (short) 4, "byte", (byte) 5, "long", 6L,
                "bigInteger", BigInteger.valueOf(7), "bigDecimal", new BigDecimal("8.000"), "exponent",
                new BigDecimal("9E+2")));

        assertThat(attributes.asMap()).containsOnly(Map.entry("int", 3L), Map.entry("short", 4L),
                Map.entry("byte", 5L), Map.entry("long", 6L), Map.entry("bigInteger", 7L), Map.entry("bigDecimal", 8L),
                Map.entry("exponent", 900L));
    }

    @Test
    void an_integer_that_fits_a_long_stays_exact_even_as_a_big_decimal() {
        Attributes attributes = Attributes.of(Map.of("max", new BigDecimal(Long.MAX_VALUE), "min",
                new BigDecimal(Long.MIN_VALUE), "big", BigInteger.valueOf(Long.MAX_VALUE)));

        assertThat(attributes.get("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(attributes.get("min")).isEqualTo(Long.MIN_VALUE);
        assertThat(attributes.get("big")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void other_numbers_become_doubles() {
        Attributes attributes = Attributes.of(Map.of("float", 1.5f, "decimal", new BigDecimal("2.25"), "huge",
                new BigDecimal("1e30"), "hugeInteger", BigInteger.TEN.pow(30)));

        assertThat(attributes.asMap()).containsOnly(Map.entry("float", 1.5), Map.entry("decimal", 2.25),
                Map.entry("huge", 1e30), Map.entry("hugeInteger", 1e30));
    }

    @Test
    void numbers_beyond_a_double_are_refused() {
        assertThatThrownBy(() -> Attributes.of(Map.of("n", new BigDecimal("1e400"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("number is out of range");
        assertThatThrownBy(() -> Attributes.of(Map.of("n", new BigDecimal("-1e400"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attributes.of(Map.of("n", BigInteger.TEN.pow(400))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void not_a_number_and_infinities_are_refused() {
        assertThatThrownBy(() -> Attributes.of(Map.of("n", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attributes.of(Map.of("n", Float.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attributes.of(Map.of("n", Double.NEGATIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attributes.of(Map.of("list", List.of(1.0, Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulls_mean_not_given_and_are_dropped_at_every_depth() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("kept", "yes");
        nested.put("dropped", null);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("title", null);
        raw.put("tags", new ArrayList<>(Arrays.asList("a", null, "b")));
        raw.put("company", nested);

        Attributes attributes = Attributes.of(raw);

        assertThat(attributes.has("title")).isFalse();
        assertThat(attributes.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(attributes.nested("company").orElseThrow().asMap()).isEqualTo(Map.of("kept", "yes"));
    }

    @Test
    void with_a_null_value_leaves_the_key_out() {
        Attributes attributes = Attributes.of(Map.of("title", "VP"));

        assertThat(attributes.with("title", null).has("title")).isFalse();
        assertThat(attributes.with("state", 7).get("state")).isEqualTo(7L);
    }

    @Test
    void to_string_names_keys_but_never_values() {
        Attributes attributes = Attributes.of(Map.of("diagnosis", "opioid use disorder", "email", "pat@example.com",
                "nested", Map.of("medication", "buprenorphine")));

        assertThat(attributes.toString()).contains("diagnosis", "email", "nested")
                .doesNotContain("opioid", "pat@example.com", "buprenorphine");
    }

    @Test
    void attributes_cannot_be_changed_from_outside() {
        Map<String, Object> raw = new HashMap<>(Map.of("title", "VP", "tags", new ArrayList<>(List.of("a"))));
        Attributes attributes = Attributes.of(raw);
        raw.put("title", "Intern");

        assertThat(attributes.get("title")).isEqualTo("VP");
        assertThatThrownBy(() -> attributes.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) attributes.get("tags")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void overlaying_lets_newer_keys_win_and_replaces_nested_maps_whole() {
        Attributes older = Attributes.of(Map.of("title", "Analyst", "state", "OH", "company", Map.of("a", 1, "b", 2)));
        Attributes newer = Attributes.of(Map.of("title", "VP", "company", Map.of("a", 3)));

        Attributes merged = older.overlaidWith(newer);

        assertThat(merged.asMap()).containsOnly(Map.entry("title", "VP"), Map.entry("state", "OH"),
                Map.entry("company", Map.of("a", 3L)));
        assertThat(older.overlaidWith(Attributes.EMPTY)).isSameAs(older);
        assertThat(Attributes.EMPTY.overlaidWith(newer)).isSameAs(newer);
    }

    @Test
    void values_that_are_not_json_shaped_are_refused() {
        assertThatThrownBy(() -> Attributes.of(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Object");
        assertThatThrownBy(() -> Attributes.of(Map.of("m", Map.of(1, "one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys");
    }

    @Test
    void text_is_a_non_blank_string() {
        Attributes attributes = Attributes.of(Map.of("email", "pat@acme.com", "blank", "  ", "number", 5));

        assertThat(attributes.text("email")).contains("pat@acme.com");
        assertThat(attributes.text("blank")).isEmpty();
        assertThat(attributes.text("number")).isEmpty();
        assertThat(attributes.text("missing")).isEmpty();
    }

    @Test
    void equal_content_is_equal() {
        assertThat(Attributes.of(Map.of("n", 1))).isEqualTo(Attributes.of(Map.of("n", 1L)))
                .hasSameHashCodeAs(Attributes.of(Map.of("n", 1L)));
        assertThat(Attributes.of(null)).isSameAs(Attributes.EMPTY);
    }
}
