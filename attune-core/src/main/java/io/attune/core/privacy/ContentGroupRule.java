package io.attune.core.privacy;

import java.util.List;
import java.util.Objects;

/**
 * A workspace's own content group: pages whose path starts with {@code pathPrefix} (segment by
 * segment) belong to {@code group}, whatever their class. Only the group's hash ever leaves.
 */
public record ContentGroupRule(String pathPrefix, String group) {
    public ContentGroupRule {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(group, "group");
        if (!pathPrefix.strip().startsWith("/")) {
            throw new IllegalArgumentException("a content group's path prefix starts with '/', e.g. /locations");
        }
        if (group.isBlank() || group.length() > 100) {
            throw new IllegalArgumentException("a content group name is 1-100 characters");
        }
        group = group.strip();
    }

    boolean matches(UrlParts url) {
        List<String> prefix = UrlParts.parse(pathPrefix).segments();
        return url.segments().size() >= prefix.size() && url.segments().subList(0, prefix.size()).equals(prefix);
    }
}
