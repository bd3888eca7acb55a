package io.attune.core.condition;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CEL's equality and ordering over the JSON-shaped values facts hold. */
final class CelValues {
    private CelValues() {
    }

    static boolean equal(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return compareNumbers(l, r) == 0;
        }
        if (left instanceof List<?> l && right instanceof List<?> r) {
            if (l.size() != r.size()) {
                return false;
            }
            Iterator<?> li = l.iterator();
            Iterator<?> ri = r.iterator();
            while (li.hasNext()) {
                if (!equal(li.next(), ri.next())) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            if (l.size() != r.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : l.entrySet()) {
                if (!r.containsKey(entry.getKey()) || !equal(entry.getValue(), r.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(left, right);
    }

    static int compare(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return compareNumbers(l, r);
        }
        if (left instanceof String l && right instanceof String r) {
            return l.compareTo(r);
        }
        if (left instanceof Boolean l && right instanceof Boolean r) {
            return Boolean.compare(l, r);
        }
        throw new ConditionFailure("no matching overload for comparing a " + FastConditions.typeName(left)
                + " with a " + FastConditions.typeName(right));
    }

    /**
     * CEL's numeric ordering: ints exactly; two doubles by IEEE comparison (so -0.0 equals 0.0);
     * an int and a double by {@link Double#compare} of the int widened to a double (so the int 0
     * is above -0.0).
     */
    private static int compareNumbers(Number left, Number right) {
        if (left instanceof Long l && right instanceof Long r) {
            return Long.compare(l, r);
        }
        if (left instanceof Double l && right instanceof Double r) {
            double a = l;
            double b = r;
            return a < b ? -1 : (a > b ? 1 : 0);
        }
        return Double.compare(left.doubleValue(), right.doubleValue());
    }
}
