package io.attune.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicAuthTest {

    /* segmentio/segment-docs, http-api/index.md: write key 'abc123' with a colon becomes 'YWJjMTIzOg=='. */
    @Test
    void segment_docs_example_header_yields_the_write_key() {
        assertThat(BasicAuth.writeKey("Basic YWJjMTIzOg==")).isEqualTo(new BasicAuth.Found(new WriteKey("abc123")));
    }

    @Test
    void scheme_is_case_insensitive_and_surrounding_space_is_ignored() {
        assertThat(BasicAuth.writeKey("  basic   YWJjMTIzOg==  ")).isEqualTo(new BasicAuth.Found(new WriteKey("abc123")));
    }

    @Test
    void key_encoded_without_a_colon_is_accepted_as_segment_still_does() {
        assertThat(BasicAuth.writeKey("Basic " + base64("abc123"))).isEqualTo(new BasicAuth.Found(new WriteKey("abc123")));
    }

    @Test
    void padding_may_be_left_out() {
        assertThat(BasicAuth.writeKey("Basic YWJjMTIzOg")).isEqualTo(new BasicAuth.Found(new WriteKey("abc123")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blank_header_is_absent(String header) {
        assertThat(BasicAuth.writeKey(header)).isInstanceOf(BasicAuth.Absent.class);
        assertThat(BasicAuth.writeKey(null)).isInstanceOf(BasicAuth.Absent.class);
    }

    @Test
    void bearer_token_is_malformed() {
        assertThat(reason("Bearer eyJhbGciOiJIUzI1NiJ9")).contains("Basic scheme");
    }

    @Test
    void basic_without_credentials_is_malformed() {
        assertThat(reason("Basic")).contains("missing");
        assertThat(reason("Basic    ")).contains("missing");
    }

    @Test
    void invalid_base64_is_malformed() {
        assertThat(reason("Basic abc$%^")).contains("base64");
    }

    @Test
    void credentials_that_are_not_utf8_are_malformed() {
        assertThat(reason("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, ':'})))
                .contains("UTF-8");
    }

    @Test
    void a_password_is_refused_so_that_a_key_sent_as_password_is_noticed() {
        assertThat(reason("Basic " + base64("user:abc123"))).contains("password must be empty");
        assertThat(reason("Basic " + base64(":abc123"))).contains("password must be empty");
    }

    @Test
    void empty_user_name_is_malformed() {
        assertThat(reason("Basic " + base64(":"))).contains("empty");
    }

    @Test
    void key_with_spaces_or_control_characters_is_malformed() {
        assertThat(reason("Basic " + base64("abc 123:"))).contains("visible ASCII");
        assertThat(reason("Basic " + base64("abc\u0001:"))).contains("visible ASCII");
    }

    @Test
    void very_long_credentials_are_refused_before_decoding() {
        assertThat(reason("Basic " + "A".repeat(5_000))).contains("too long");
    }

    @Test
    void malformed_reasons_never_quote_the_header() {
        assertThat(reason("Basic " + base64("s3cr3t:pw"))).doesNotContain("s3cr3t", base64("s3cr3t:pw"));
    }

    @Test
    void write_key_never_appears_in_its_string_form() {
        assertThat(new WriteKey("abc123").toString()).doesNotContain("abc123");
        assertThat(BasicAuth.writeKey("Basic YWJjMTIzOg==").toString()).doesNotContain("abc123");
    }

    private static String reason(String header) {
        BasicAuth.Result result = BasicAuth.writeKey(header);
        assertThat(result).isInstanceOf(BasicAuth.Malformed.class);
        return ((BasicAuth.Malformed) result).reason();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
