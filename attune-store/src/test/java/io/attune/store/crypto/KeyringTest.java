package io.attune.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyringTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled((byte) 7));

    @Test
    void the_first_key_listed_is_the_primary_and_the_others_still_open() {
        Keyring keyring = Keyring.parse("# rotated in May\nk2:" + KEY_B + "\n\nk1:" + KEY_A + "\n", "test file");

        assertThat(keyring.primary().id()).isEqualTo("k2");
        assertThat(keyring.ids()).containsExactly("k2", "k1");
        assertThat(keyring.key("k1").orElseThrow().secret().getEncoded()).isEqualTo(new byte[32]);
    }

    @Test
    void an_environment_value_may_separate_keys_with_commas() {
        assertThat(Keyring.parse("k2:" + KEY_B + ", k1:" + KEY_A, "ATTUNE_DATA_KEYS").ids()).containsExactly("k2", "k1");
    }

    @Test
    void a_short_key_is_refused_naming_the_setting_and_the_key_but_never_its_material() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> Keyring.parse("k1:" + shortKey, "ATTUNE_DATA_KEYS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ATTUNE_DATA_KEYS").hasMessageContaining("k1")
                .hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
    }

    @Test
    void malformed_entries_are_refused_with_what_is_allowed() {
        assertThatThrownBy(() -> Keyring.parse(KEY_A, "key file data/attune.keys"))
                .hasMessageContaining("key file data/attune.keys").hasMessageContaining("id:base64");
        assertThatThrownBy(() -> Keyring.parse("k1:not base64!", "S")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> Keyring.parse("bad id:" + KEY_A, "S")).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> Keyring.parse("k1:" + KEY_A + "\nk1:" + KEY_B, "S")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Keyring.parse("# nothing\n", "S")).hasMessageContaining("holds no data key");
    }

    @Test
    void rotation_adds_a_fresh_primary_with_an_unused_id_and_keeps_the_old_keys() {
        Keyring keyring = Keyring.parse("k2:" + KEY_B, "S");

        Keyring rotated = keyring.rotated(new SecureRandom());

        assertThat(rotated.ids()).containsExactly("k3", "k2");
        assertThat(rotated.primary().secret().getEncoded()).isNotEqualTo(keyring.primary().secret().getEncoded());
        assertThat(Keyring.parse(rotated.text(), "S")).isEqualTo(rotated);
    }

    @Test
    void the_text_form_of_a_key_never_shows_its_material() {
        Keyring keyring = Keyring.parse("k1:" + KEY_B, "S");

        assertThat(keyring.toString()).isEqualTo("Keyring[k1]");
        assertThat(keyring.primary().toString()).doesNotContain(KEY_B);
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
