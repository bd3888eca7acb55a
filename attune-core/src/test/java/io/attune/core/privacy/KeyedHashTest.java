package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    /** RFC 4231 test case 6: a key longer than the block is hashed first. */
    @Test
    void it_is_hmac_sha256() {
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        String mac = HexFormat.of().formatHex(new KeyedHash(key)
                .mac("Test Using Larger Than Block-Size Key - Hash Key First"));

        assertThat(mac).isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    /** RFC 4231 test case 2, with the key padded to the minimum length the same way HMAC pads it. */
    @Test
    void a_short_key_is_padded_with_zeros_as_hmac_does() {
        byte[] jefe = java.util.Arrays.copyOf("Jefe".getBytes(java.nio.charset.StandardCharsets.UTF_8), 16);

        assertThat(HexFormat.of().formatHex(new KeyedHash(jefe).mac("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void a_key_shorter_than_sixteen_bytes_is_refused_and_never_printed() {
        assertThatThrownBy(() -> KeyedHash.of("short")).hasMessageContaining("at least 16 bytes");
        assertThat(KeyedHash.of("a-long-enough-secret").toString()).doesNotContain("secret-");
    }

    @Test
    void pseudonyms_are_stable_within_a_period_per_destination_and_rotate_with_it() {
        Pseudonyms pseudonyms = new Pseudonyms(KeyedHash.of("pseudonym-secret-0123"), Duration.ofDays(30));
        Instant t = Instant.parse("2025-03-01T00:00:00Z");

        String first = pseudonyms.of("meta", "u-1", t);

        assertThat(first).startsWith("psn_").hasSize(28).doesNotContain("u-1");
        assertThat(pseudonyms.of("meta", "u-1", t.plusSeconds(60))).isEqualTo(first);
        assertThat(pseudonyms.of("google", "u-1", t)).isNotEqualTo(first);
        assertThat(pseudonyms.of("meta", "u-2", t)).isNotEqualTo(first);
        assertThat(pseudonyms.of("meta", "u-1", t.plus(Duration.ofDays(31)))).isNotEqualTo(first);
    }

    @Test
    void pseudonyms_rotate_no_faster_than_hourly() {
        assertThatThrownBy(() -> new Pseudonyms(KeyedHash.of("pseudonym-secret-0123"), Duration.ofMinutes(5)))
                .hasMessageContaining("every hour");
    }
}
