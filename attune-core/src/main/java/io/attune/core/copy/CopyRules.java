package io.attune.core.copy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks a linter runs; check ids are unique. */
public record CopyRules(List<CopyCheck> checks) {
    public CopyRules {
        checks = List.copyOf(checks);
        Set<CheckId> seen = new HashSet<>();
        for (CopyCheck check : checks) {
            if (!seen.add(check.id())) {
                throw new IllegalArgumentException("check " + check.id() + " is defined twice");
            }
        }
    }
}
