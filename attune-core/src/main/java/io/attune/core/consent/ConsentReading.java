package io.attune.core.consent;

import java.util.List;

/** The consent changes read from a message or request body, and everything wrong with it. */
public record ConsentReading(List<ConsentRecord> records, List<ConsentProblem> problems) {
    public static final ConsentReading NONE = new ConsentReading(List.of(), List.of());

    public ConsentReading {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
