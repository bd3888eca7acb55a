package io.attune.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipBodyTest {

    @Test
    void gzip_body_inflates_to_the_original_bytes() {
        byte[] body = "{\"batch\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        GzipBody.Result result = GzipBody.inflate(SegmentParserTest.gzip(body), 1_024);

        assertThat(result).isInstanceOf(GzipBody.Inflated.class);
        assertThat(((GzipBody.Inflated) result).body()).isEqualTo(body);
    }

    @Test
    void body_inflating_to_exactly_the_cap_is_accepted_and_one_byte_more_is_refused() {
        byte[] exact = new byte[500 * 1024];

        assertThat(GzipBody.inflate(SegmentParserTest.gzip(exact), exact.length)).isInstanceOf(GzipBody.Inflated.class);
        assertThat(GzipBody.inflate(SegmentParserTest.gzip(Arrays.copyOf(exact, exact.length + 1)), exact.length))
                .isInstanceOf(GzipBody.Refused.class);
    }

    @Test
    void zip_bomb_is_refused_at_the_cap_without_inflating_it_all() throws IOException {
        // 64 MB of zeros in about 64 KB: 128 times the cap, refused after reading one byte past it
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }

        GzipBody.Result result = GzipBody.inflate(compressed.toByteArray(), 500 * 1024);

        assertThat(result).isInstanceOfSatisfying(GzipBody.Refused.class, refused -> {
            assertThat(refused.error().kind()).isEqualTo(RequestError.Kind.BODY_TOO_LARGE);
            assertThat(refused.error().message()).contains("512000");
        });
    }

    @Test
    void body_that_is_not_gzip_is_refused() {
        GzipBody.Result result = GzipBody.inflate("{\"batch\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1_024);

        assertThat(result).isInstanceOfSatisfying(GzipBody.Refused.class,
                refused -> assertThat(refused.error().kind()).isEqualTo(RequestError.Kind.MALFORMED_ENCODING));
    }

    @Test
    void truncated_or_empty_gzip_is_refused() {
        byte[] whole = SegmentParserTest.gzip(new byte[4_096]);

        assertThat(GzipBody.inflate(Arrays.copyOf(whole, whole.length / 2), 8_192)).isInstanceOf(GzipBody.Refused.class);
        assertThat(GzipBody.inflate(new byte[0], 8_192)).isInstanceOf(GzipBody.Refused.class);
    }
}
