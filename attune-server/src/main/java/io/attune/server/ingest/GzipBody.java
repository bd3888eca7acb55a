package io.attune.server.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a {@code Content-Encoding: gzip} request body (RudderStack's SDKs gzip by default) without
 * ever holding more than {@code maxInflatedBytes + 1} inflated bytes, so a small body that inflates to
 * gigabytes is refused, not allowed to exhaust the heap.
 */
public final class GzipBody {
    private static final int CHUNK = 8 * 1024;

    private GzipBody() {
    }

    public sealed interface Result permits Inflated, Refused {
    }

    /** The inflated body; the array is the caller's to keep and is not copied. */
    public record Inflated(byte[] body) implements Result {
        public Inflated {
            Objects.requireNonNull(body, "body");
        }
    }

    public record Refused(RequestError error) implements Result {
    }

    /**
     * @param maxInflatedBytes pass {@link SegmentLimits#maxBatchBytes()} for batches and
     *                         {@link SegmentLimits#maxMessageBytes()} for single-endpoint bodies
     */
    public static Result inflate(byte[] gzipped, int maxInflatedBytes) {
        Objects.requireNonNull(gzipped, "gzipped");
        if (maxInflatedBytes < 0) {
            throw new IllegalArgumentException("the inflated size limit must not be negative");
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), CHUNK)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxInflatedBytes, CHUNK));
            byte[] chunk = new byte[CHUNK];
            int total = 0;
            int read;
            // asks for at most one byte past the limit: enough to know the body is too large
            while ((read = in.read(chunk, 0, Math.min(chunk.length, maxInflatedBytes + 1 - total))) > 0) {
                total += read;
                if (total > maxInflatedBytes) {
                    return new Refused(RequestError.ofBody(RequestError.Kind.BODY_TOO_LARGE,
                            "gzip body inflates to more than " + maxInflatedBytes + " bytes"));
                }
                out.write(chunk, 0, read);
            }
            return new Inflated(out.toByteArray());
        } catch (IOException e) {
            // ZipException or EOFException: not gzip, corrupt, or cut short
            return new Refused(RequestError.ofBody(RequestError.Kind.MALFORMED_ENCODING,
                    "body is not valid gzip"));
        }
    }
}
