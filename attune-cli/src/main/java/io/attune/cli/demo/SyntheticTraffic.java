package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemoTraffic} generated: the people and their messages, cut into batches for
 * {@code POST /v1/batch}.
 *
 * @param resent how many messages in the batches are deliberate second copies (same message id),
 *     which Attune must record once
 */
public record SyntheticTraffic(List<DemoPerson> people, List<DemoBatch> batches, int resent) {
    public SyntheticTraffic {
        people = List.copyOf(people);
        batches = List.copyOf(batches);
        if (resent < 0) {
            throw new IllegalArgumentException("resent must not be negative");
        }
    }

    /** Messages in all batches, resent copies included. */
    public int messages() {
        return batches.stream().mapToInt(DemoBatch::messageCount).sum();
    }

    /** Distinct messages: what Attune should record. */
    public int distinctMessages() {
        return messages() - resent;
    }

    public Map<Segment, Integer> peopleBySegment() {
        Map<Segment, Integer> counts = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            counts.put(segment, 0);
        }
        people.forEach(person -> counts.merge(person.segment(), 1, Integer::sum));
        return counts;
    }
}
