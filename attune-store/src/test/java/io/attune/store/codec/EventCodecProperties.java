package io.attune.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.attune.core.TestEvents;
import io.attune.core.event.Event;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Stored events are read by streaming ({@link JsonValues}) rather than through the object mapper:
 * what the stream reads is what the mapper read, for any JSON, and events read back equal from
 * their text and from its UTF-8 bytes.
 */
class EventCodecProperties {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Property(tries = 500)
    void streaming_reads_any_json_object_as_the_object_mapper_reads_it(@ForAll("objects") Map<String, Object> value)
            throws Exception {
        String text = Json.MAPPER.writeValueAsString(value);
        try (JsonParser json = FACTORY.createParser(text)) {
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(JsonValues.object(json)).isEqualTo(Json.read(text));
        }
    }

    @Property(tries = 300)
    void events_with_any_properties_read_back_equal_from_text_and_from_bytes(
            @ForAll("objects") Map<String, Object> properties, @ForAll("objects") Map<String, Object> context) {
        Event event = TestEvents.user("u-1").context(context).track("Any Thing", properties);
        String text = EventCodec.encode(event);

        assertThat(EventCodec.decode(text)).isEqualTo(event);
        assertThat(EventCodec.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        return Arbitraries.lazyOf(() -> object(3));
    }

    private static Arbitrary<Map<String, Object>> object(int depth) {
        return Arbitraries.maps(keys(), value(depth)).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private static Arbitrary<Object> value(int depth) {
        List<Arbitrary<?>> choices = new ArrayList<>(List.of(
                text(12),
                Arbitraries.integers(),
                Arbitraries.longs(),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(64).negate(), BigInteger.TWO.pow(64)),
                Arbitraries.doubles().between(-1e300, 1e300),
                Arbitraries.of(true, false)));
        if (depth > 0) {
            choices.add(Arbitraries.lazy(() -> object(depth - 1)));
            choices.add(Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4));
        }
        return Arbitraries.oneOf(choices.stream().map(choice -> choice.map(v -> (Object) v)).toList()).injectNull(0.1);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("path", "title", "email", "employees", "é", ""), text(8));
    }

    /** Any text a string can hold as UTF-8 (a lone surrogate cannot: it is stored as '?'). */
    private static Arbitrary<String> text(int length) {
        return Arbitraries.strings().all().ofMaxLength(length)
                .filter(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s));
    }
}
