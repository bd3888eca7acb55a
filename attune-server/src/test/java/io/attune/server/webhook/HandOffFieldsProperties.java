package io.attune.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.handoff.HandOffType;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the traits and what is released, a trait that was not released never reaches a body. */
class HandOffFieldsProperties {
    private static final List<String> NAMES = List.of("email", "firstName", "lastName", "title", "company", "phone",
            "state", "diagnosis", "medication", "insurance", "age", "notes");

    private final HandOffEvents events = new HandOffEvents(HandOffs.DESCRIPTIONS);
    private final ObjectMapper json = new ObjectMapper();
    private final Preset salesforce = new PresetFiles().named("salesforce-lead");

    @Provide
    Arbitrary<Set<String>> names() {
        return Arbitraries.of(NAMES).set();
    }

    /** Each trait's value is a marker unlike anything else in a body, so finding it anywhere means it leaked. */
    private static Map<String, Object> traits(Set<String> present) {
        Map<String, Object> traits = new LinkedHashMap<>();
        for (String name : present) {
            traits.put(name, "secret-value-of-" + name + "-7f3a");
        }
        return traits;
    }

    @Property
    void only_allowed_traits_reach_the_body(@ForAll("names") Set<String> present, @ForAll("names") Set<String> allowed) {
        HandOff handOff = HandOffs.handOff(HandOffType.LEAD_MQL,
                HandOffs.data(Stage.MQL, Stage.LEAD, 50, 50, Segment.EMPLOYER, traits(present)));

        byte[] body = events.body(handOff, HandOffs.released(handOff, allowed), salesforce);

        String text = new String(body, StandardCharsets.UTF_8);
        for (String name : present) {
            assertThat(text.contains("secret-value-of-" + name + "-7f3a")).as(name).isEqualTo(allowed.contains(name));
        }
        Set<String> sent = new HashSet<>();
        parse(body).get("data").get("fields").fieldNames().forEachRemaining(sent::add);
        Set<String> expected = new HashSet<>(present);
        expected.retainAll(allowed);
        assertThat(sent).isEqualTo(expected);
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
