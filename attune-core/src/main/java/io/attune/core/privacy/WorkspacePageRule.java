package io.attune.core.privacy;

import java.util.Objects;

/**
 * A workspace's page rule, tried before the defaults. {@code acknowledgeWeakening} confirms a rule that
 * opens pages to more tracking than the defaults would (see {@link PrivacyClassification#weakenings}).
 */
public record WorkspacePageRule(PageRule rule, boolean acknowledgeWeakening) {
    public WorkspacePageRule {
        Objects.requireNonNull(rule, "rule");
    }

    /** The rule as written in settings: {@code prefix:/portal}, {@code term:booking} or {@code host:portal.}. */
    public String spec() {
        return rule.match().wireName() + ":" + rule.pattern();
    }
}
