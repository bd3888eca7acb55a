package io.attune.core.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What else an audit entry says, as named lists of strings ordered by name: ids (a destination, a
 * request), rule ids, decisions, field <em>names</em>. Never a value about a person: the log is kept
 * after a lead is deleted and is read by people who may not see PHI, so it names what was read or
 * sent, not what it said.
 */
public record AuditDetails(SortedMap<String, List<String>> values) {
    public static final AuditDetails NONE = new AuditDetails(new TreeMap<>());

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_KEYS = 100;
    private static final int MAX_VALUES = 1000;
    private static final int MAX_VALUE_LENGTH = 500;

    public AuditDetails {
        Objects.requireNonNull(values, "values");
        if (values.size() > MAX_KEYS) {
            throw new IllegalArgumentException("audit details have at most " + MAX_KEYS + " names");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>();
        values.forEach((key, list) -> copy.put(checkedKey(key), checkedValues(key, list)));
        values = Collections.unmodifiableSortedMap(copy);
    }

    public static AuditDetails of(String key, String value) {
        return NONE.and(key, value);
    }

    public static AuditDetails of(String key, Collection<String> values) {
        return NONE.and(key, values);
    }

    /** These details and {@code key} with one value; a key given again is replaced. */
    public AuditDetails and(String key, String value) {
        return and(key, List.of(Objects.requireNonNull(value, key)));
    }

    /** These details and {@code key} with {@code list}, in its order; a key given again is replaced. */
    public AuditDetails and(String key, Collection<String> list) {
        TreeMap<String, List<String>> more = new TreeMap<>(values);
        more.put(key, new ArrayList<>(list));
        return new AuditDetails(more);
    }

    /** The values of {@code key}, empty when it is absent. */
    public List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("an audit detail name is 1-64 letters, digits, '_', '.' or '-', "
                    + "starting with a lower-case letter");
        }
        return key;
    }

    private static List<String> checkedValues(String key, List<String> list) {
        Objects.requireNonNull(list, key);
        if (list.size() > MAX_VALUES) {
            throw new IllegalArgumentException("audit detail " + key + " has more than " + MAX_VALUES + " values");
        }
        for (String value : list) {
            Objects.requireNonNull(value, key);
            if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("a value of audit detail " + key + " is over "
                        + MAX_VALUE_LENGTH + " characters or has control characters");
            }
        }
        return List.copyOf(list);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
