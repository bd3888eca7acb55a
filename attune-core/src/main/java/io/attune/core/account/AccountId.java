package io.attune.core.account;

import io.attune.core.identity.Digests;
import io.attune.core.workspace.WorkspaceId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** One organisation. Derived from its group id or email domain, so replays produce the same ids. */
public record AccountId(String value) {
    private static final Pattern SHAPE = Pattern.compile("ac_[0-9a-f]{24}");

    public AccountId {
        Objects.requireNonNull(value, "account id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("account ids look like ac_ and 24 hex digits");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    public static AccountId ofGroup(WorkspaceId workspace, String groupId) {
        return derived(workspace, "group", groupId);
    }

    public static AccountId ofDomain(WorkspaceId workspace, String domain) {
        return derived(workspace, "domain", domain.toLowerCase(Locale.ROOT));
    }

    private static AccountId derived(WorkspaceId workspace, String kind, String value) {
        return new AccountId("ac_" + Digests.sha256Hex(workspace.value() + '\u0000' + kind + '\u0000' + value)
                .substring(0, 24));
    }

    @Override
    public String toString() {
        return value;
    }
}
