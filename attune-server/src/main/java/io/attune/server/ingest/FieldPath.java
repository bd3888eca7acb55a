package io.attune.server.ingest;

/**
 * Where a value sits in a message, rendered only when an error names it: parsing a 500 KB batch visits
 * tens of thousands of values and must not build a string for each.
 */
final class FieldPath {
    /** Keys are sender-chosen; a path that names one stays short enough for an error response. */
    private static final int MAX_KEY_IN_PATH = 64;

    private final FieldPath parent;
    private final String key;
    private final int index;

    private FieldPath(FieldPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    /** The path of a message: {@code batch[3]}, or the empty path of a single-endpoint body. */
    static FieldPath root(String name) {
        return new FieldPath(null, name, -1);
    }

    FieldPath child(String name) {
        return new FieldPath(this, name, -1);
    }

    FieldPath element(int position) {
        return new FieldPath(this, null, position);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    private void appendTo(StringBuilder out) {
        if (parent == null) {
            out.append(key);
            return;
        }
        parent.appendTo(out);
        if (key == null) {
            out.append('[').append(index).append(']');
            return;
        }
        if (out.length() > 0) {
            out.append('.');
        }
        appendKey(out, key);
    }

    /**
     * A key that is itself the problem (a NUL, an unpaired surrogate) must not break the error response
     * that names it: such characters show as U+FFFD.
     */
    private static void appendKey(StringBuilder out, String key) {
        int end = Math.min(key.length(), MAX_KEY_IN_PATH);
        for (int i = 0; i < end; i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                out.append(c).append(key.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) || Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        if (key.length() > end) {
            out.append("...");
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
