package io.attune.server.webhook;

import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one CRM property gets its value. Values are JSON scalars (text, number, boolean) so that a
 * preset can set numbers and check boxes as well as picklist text.
 */
public sealed interface PresetRule {

    /** The same value on every hand-off. */
    record Constant(ValueNode value) implements PresetRule {
        public Constant {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The value of the first of {@code from} that the hand-off has; {@code fallback} when none has
     * one; the property is left out when there is no fallback.
     */
    record Copy(List<PresetSource> from, Optional<ValueNode> fallback) implements PresetRule {
        public Copy {
            from = List.copyOf(from);
            Objects.requireNonNull(fallback, "fallback");
            if (from.isEmpty()) {
                throw new IllegalArgumentException("a copy needs at least one source");
            }
        }
    }

    /**
     * The source value translated by {@code table} (an Attune stage to a CRM picklist value);
     * {@code fallback} for values the table does not name; left out without one.
     */
    record Lookup(List<PresetSource> from, Map<String, ValueNode> table, Optional<ValueNode> fallback)
            implements PresetRule {
        public Lookup {
            from = List.copyOf(from);
            table = Collections.unmodifiableMap(new LinkedHashMap<>(table));
            Objects.requireNonNull(fallback, "fallback");
            if (from.isEmpty()) {
                throw new IllegalArgumentException("a lookup needs at least one source");
            }
        }
    }

    /**
     * A number placed in bands, highest first: the first band whose {@code atLeast} the number
     * reaches gives the value; a last band without {@code atLeast} takes everything below.
     */
    record Bands(PresetSource from, List<Band> bands) implements PresetRule {
        public Bands {
            Objects.requireNonNull(from, "from");
            bands = List.copyOf(bands);
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("bands need at least one band");
            }
        }
    }

    record Band(OptionalDouble atLeast, ValueNode value) {
        public Band {
            Objects.requireNonNull(atLeast, "atLeast");
            Objects.requireNonNull(value, "value");
        }
    }
}
