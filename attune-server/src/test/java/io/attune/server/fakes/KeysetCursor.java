package io.attune.server.fakes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The fakes' cursor: the last id of the previous page, base64url-encoded so that clients treat it as
 * opaque. A cursor this did not issue is refused with IllegalArgumentException, as the API expects
 * of a store.
 */
final class KeysetCursor {
    private static final String PREFIX = "after:";

    private KeysetCursor() {
    }

    static String after(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> lastId(Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
        if (!decoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a cursor of this listing");
        }
        return Optional.of(decoded.substring(PREFIX.length()));
    }
}
