package io.attune.store.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.consent.Part2Elements;
import java.util.Optional;

/**
 * The {@code consents.part2} column: a Part 2 grant's §2.31 elements as JSON, by their API names
 * (sealed and opened around this by {@link ConsentRows}).
 */
final class Part2Column {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Part2Column() {
    }

    static Optional<String> write(Optional<Part2Elements> elements) {
        return elements.map(part2 -> {
            ObjectNode node = JSON.createObjectNode()
                    .put("patientName", part2.patientName())
                    .put("discloser", part2.discloser())
                    .put("information", part2.information())
                    .put("purpose", part2.purpose())
                    .put("revocable", part2.revocable())
                    .put("redisclosureStatement", part2.redisclosureStatement());
            return node.toString();
        });
    }

    static Optional<Part2Elements> read(Optional<String> stored) {
        return stored.map(Part2Column::parse);
    }

    private static Part2Elements parse(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            return new Part2Elements(node.path("patientName").asText(), node.path("discloser").asText(),
                    node.path("information").asText(), node.path("purpose").asText(),
                    node.path("revocable").asBoolean(), node.path("redisclosureStatement").asBoolean());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a consent's Part 2 elements could not be read: " + e.getOriginalMessage(),
                    e);
        }
    }
}
