package io.attune.core.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable JSON-shaped properties or traits: values are {@code String}, {@code Boolean}, {@code Long},
 * {@code Double}, lists and maps of those. Integers that fit a long become {@code Long}, every other
 * number a {@code Double}; {@code null} values mean "not given" and are left out, so a key is either
 * present with a value or absent.
 */
public final class Attributes {
    public static final Attributes EMPTY = new Attributes(Map.of());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    /** Copies and normalises {@code raw}; rejects values that are not JSON-shaped. */
    public static Attributes of(Map<String, ?> raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        return new Attributes(normaliseMap(raw));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<String> text(String key) {
        Object value = values.get(key);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    public Optional<Attributes> nested(String key) {
        Object value = values.get(key);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return Optional.of(new Attributes(typed));
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    /** These attributes overlaid with {@code newer}: keys in {@code newer} win, nested maps are replaced whole. */
    public Attributes overlaidWith(Attributes newer) {
        if (newer.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return newer;
        }
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(newer.values);
        return new Attributes(Collections.unmodifiableMap(merged));
    }

    /** A copy with one more entry; {@code value} must already be JSON-shaped, and {@code null} leaves the key out. */
    public Attributes with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        Object normalised = normalise(value);
        if (normalised == null) {
            copy.remove(key);
        } else {
            copy.put(key, normalised);
        }
        return new Attributes(Collections.unmodifiableMap(copy));
    }

    private static Map<String, Object> normaliseMap(Map<?, ?> raw) {
        Map<String, Object> copy = new LinkedHashMap<>(raw.size() * 2);
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("attribute keys must be strings");
            }
            Object value = normalise(entry.getValue());
            if (value != null) {
                copy.put(key, value);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object normalise(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Double d) {
            return finite(d);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return finite(f.doubleValue());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) finite(big.doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return normaliseDecimal(decimal);
        }
        if (value instanceof Map<?, ?> map) {
            return normaliseMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                Object normalised = normalise(element);
                if (normalised != null) {
                    copy.add(normalised);
                }
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("unsupported attribute value of type " + value.getClass().getSimpleName());
    }

    private static Object normaliseDecimal(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        // precision - scale counts integral digits without expanding a huge exponent into a BigInteger
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException beyondLong) {
                // nineteen digits, but above Long.MAX_VALUE: a double, like any other large number
            }
        }
        return finite(decimal.doubleValue());
    }

    private static Double finite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("number is out of range");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Keys only: attribute values may be health data and must not reach logs. */
    @Override
    public String toString() {
        return "Attributes" + values.keySet();
    }
}
