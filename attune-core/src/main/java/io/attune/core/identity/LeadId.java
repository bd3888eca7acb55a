package io.attune.core.identity;

import io.attune.core.workspace.WorkspaceId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One person as Attune knows them. Derived from the identity that first named them, so replaying
 * the same events always produces the same ids.
 */
public record LeadId(String value) implements Comparable<LeadId> {
    private static final Pattern SHAPE = Pattern.compile("ld_[0-9a-f]{24}");

    public LeadId {
        Objects.requireNonNull(value, "lead id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("lead ids look like ld_ and 24 hex digits");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    public static LeadId derivedFrom(WorkspaceId workspace, Identity first) {
        return derivedFrom(workspace, first, 0);
    }

    /**
     * The id for a lead first named by {@code first}; {@code attempt} > 0 gives the alternatives
     * used when an earlier lead of that identity was merged away and its id is taken.
     */
    public static LeadId derivedFrom(WorkspaceId workspace, Identity first, int attempt) {
        String seed = workspace.value() + '\u0000' + first.kind().name() + '\u0000' + first.value()
                + (attempt == 0 ? "" : "\u0000" + attempt);
        return new LeadId("ld_" + Digests.sha256Hex(seed).substring(0, 24));
    }

    @Override
    public int compareTo(LeadId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
