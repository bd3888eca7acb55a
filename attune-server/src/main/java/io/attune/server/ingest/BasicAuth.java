package io.attune.server.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads the write key from an {@code Authorization} header the way Segment's SDKs send it:
 * {@code Basic base64(writeKey + ":")}, the write key as user name and an empty password
 * (analytics-java uses OkHttp's {@code Credentials.basic(writeKey, "")}, analytics-node encodes
 * {@code writeKey + ":"}). Segment still accepts a key encoded without the colon, so this does too.
 */
public final class BasicAuth {
    /** Far above any real write key in base64; bounds the work spent on a hostile header. */
    private static final int MAX_CREDENTIALS_LENGTH = 1_024;

    private BasicAuth() {
    }

    public sealed interface Result permits Found, Absent, Malformed {
    }

    public record Found(WriteKey writeKey) implements Result {
    }

    /** No header, or a blank one: the write key may still come in the body. */
    public record Absent() implements Result {
    }

    /** The header is there but unusable; {@code reason} says why without quoting it. */
    public record Malformed(String reason) implements Result {
    }

    public static Result writeKey(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Absent();
        }
        String header = authorizationHeader.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("basic")) {
            return new Malformed("Authorization must use the Basic scheme with the write key as user name");
        }
        String credentials = space < 0 ? "" : header.substring(space + 1).strip();
        if (credentials.isEmpty()) {
            return new Malformed("Basic credentials are missing");
        }
        if (credentials.length() > MAX_CREDENTIALS_LENGTH) {
            return new Malformed("Basic credentials are too long");
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(credentials);
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException e) {
            return new Malformed("Basic credentials are not valid base64");
        } catch (CharacterCodingException e) {
            return new Malformed("Basic credentials are not UTF-8");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        if (!password.isEmpty()) {
            return new Malformed("the password must be empty: send the write key as the user name, then ':'");
        }
        if (user.isEmpty()) {
            return new Malformed("the write key (the user name) is empty");
        }
        if (!WriteKey.isWellFormed(user)) {
            return new Malformed("the write key must be 1-" + WriteKey.MAX_LENGTH + " visible ASCII characters");
        }
        return new Found(new WriteKey(user));
    }
}
