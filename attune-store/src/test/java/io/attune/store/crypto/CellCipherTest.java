package io.attune.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CellCipherTest {
    private static final String STATE = "{\"id\":\"l_1\",\"traits\":{\"diagnosis\":\"generalized anxiety disorder\"}}";
    private static final CellAddress LEAD_1 = CellAddress.leadState("ws_1", "l_1");

    private final Keyring keyring = Keyring.generate(new SecureRandom());
    private final CellCipher cipher = new CellCipher(keyring);

    @Test
    void a_sealed_value_names_its_key_hides_the_text_and_opens_at_its_address() {
        String sealed = cipher.seal(STATE, LEAD_1);

        assertThat(sealed).startsWith("enc1:k1:").doesNotContain("anxiety");
        assertThat(CellCipher.keyIdOf(sealed)).contains("k1");
        assertThat(cipher.open(sealed, LEAD_1)).isEqualTo(STATE);
    }

    @Test
    void sealing_the_same_text_twice_gives_different_values() {
        assertThat(cipher.seal(STATE, LEAD_1)).isNotEqualTo(cipher.seal(STATE, LEAD_1));
    }

    @Test
    void a_tampered_value_is_rejected() {
        String sealed = cipher.seal(STATE, LEAD_1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("enc1:k1:".length()));
        bytes[20] ^= 1;
        String tampered = "enc1:k1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(tampered, LEAD_1)).isInstanceOf(UnreadableCellException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void a_value_moved_to_another_row_or_column_is_rejected() {
        String sealed = cipher.seal(STATE, LEAD_1);

        assertThatThrownBy(() -> cipher.open(sealed, CellAddress.leadState("ws_1", "l_2")))
                .isInstanceOf(UnreadableCellException.class).hasMessageContaining("copied from another row");
        assertThatThrownBy(() -> cipher.open(sealed, CellAddress.leadState("ws_2", "l_1")))
                .isInstanceOf(UnreadableCellException.class);
        assertThatThrownBy(() -> cipher.open(sealed, CellAddress.eventBody("ws_1", "l_1")))
                .isInstanceOf(UnreadableCellException.class);
    }

    @Test
    void another_key_under_the_same_id_is_rejected_loudly() {
        String sealed = cipher.seal(STATE, LEAD_1);
        CellCipher impostor = new CellCipher(Keyring.generate(new SecureRandom()));

        assertThatThrownBy(() -> impostor.open(sealed, LEAD_1)).isInstanceOf(UnreadableCellException.class)
                .hasMessageContaining("leads.state of l_1 in workspace ws_1").hasMessageNotContaining("anxiety");
    }

    @Test
    void a_value_under_a_key_the_keyring_lacks_names_that_key() {
        String sealed = cipher.seal(STATE, LEAD_1);
        CellCipher rotatedAway = new CellCipher(new Keyring(java.util.List.of(
                DataKey.generate("k2", new SecureRandom()))));

        assertThatThrownBy(() -> rotatedAway.open(sealed, LEAD_1)).isInstanceOf(UnreadableCellException.class)
                .hasMessageContaining("'k1'").hasMessageContaining("Keyring[k2]");
    }

    @Test
    void after_a_rotation_new_values_use_the_new_primary_and_old_ones_still_open() {
        String old = cipher.seal(STATE, LEAD_1);
        CellCipher rotated = new CellCipher(keyring.rotated(new SecureRandom()));

        assertThat(rotated.seal(STATE, LEAD_1)).startsWith("enc1:k2:");
        assertThat(rotated.open(old, LEAD_1)).isEqualTo(STATE);
    }

    @Test
    void json_written_before_encryption_reads_as_it_is_and_anything_else_is_refused() {
        assertThat(cipher.open(STATE, LEAD_1)).isEqualTo(STATE);
        assertThatThrownBy(() -> cipher.open("garbage", LEAD_1)).isInstanceOf(UnreadableCellException.class);
        assertThatThrownBy(() -> cipher.open("enc1:k1:%%%", LEAD_1)).isInstanceOf(UnreadableCellException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void a_consent_cell_opens_only_at_its_own_position_ordinal_and_column() {
        CellAddress page = CellAddress.consent(SealedColumn.CONSENT_PAGE, "ws_1", 41, 0);
        String sealed = cipher.seal("https://northside.example/detox-intake", page);

        assertThat(sealed).doesNotContain("detox");
        assertThat(cipher.open(sealed, page)).isEqualTo("https://northside.example/detox-intake");
        for (CellAddress elsewhere : java.util.List.of(CellAddress.consent(SealedColumn.CONSENT_PAGE, "ws_1", 41, 1),
                CellAddress.consent(SealedColumn.CONSENT_PAGE, "ws_1", 42, 0),
                CellAddress.consent(SealedColumn.CONSENT_DISCLOSURE, "ws_1", 41, 0),
                CellAddress.consent(SealedColumn.CONSENT_PAGE, "ws_2", 41, 0))) {
            assertThatThrownBy(() -> cipher.open(sealed, elsewhere)).as(elsewhere.toString())
                    .isInstanceOf(UnreadableCellException.class).hasMessageContaining("copied from another row");
        }
    }

    @Test
    void position_and_ordinal_cannot_run_into_each_other() {
        String sealed = cipher.seal("198.51.100.23", CellAddress.consent(SealedColumn.CONSENT_IP, "ws_1", 1, 12));

        assertThatThrownBy(() -> cipher.open(sealed, CellAddress.consent(SealedColumn.CONSENT_IP, "ws_1", 11, 2)))
                .isInstanceOf(UnreadableCellException.class);
    }

    @Test
    void free_text_written_before_encryption_reads_as_it_is_only_in_the_consent_columns_that_held_free_text() {
        CellAddress disclosure = CellAddress.consent(SealedColumn.CONSENT_DISCLOSURE, "ws_1", 41, 0);
        CellAddress part2 = CellAddress.consent(SealedColumn.CONSENT_PART2, "ws_1", 41, 0);

        assertThat(cipher.open("Reply STOP to opt out.", disclosure)).isEqualTo("Reply STOP to opt out.");
        assertThat(cipher.open("", disclosure)).isEmpty();
        assertThat(cipher.open("{\"patientName\":\"Jordan Avery\"}", part2)).contains("Jordan Avery");
        assertThatThrownBy(() -> cipher.open("Jordan Avery", part2)).isInstanceOf(UnreadableCellException.class)
                .hasMessageContaining("neither sealed nor JSON").hasMessageNotContaining("Jordan");
        assertThatThrownBy(() -> cipher.open("Reply STOP to opt out.", LEAD_1))
                .isInstanceOf(UnreadableCellException.class);
        assertThatThrownBy(() -> cipher.open("enc1:k1:%%%", disclosure)).isInstanceOf(UnreadableCellException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void only_a_column_of_the_consent_ledger_has_a_consent_address() {
        assertThatThrownBy(() -> CellAddress.consent(SealedColumn.LEAD_STATE, "ws_1", 41, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leads.state");
    }
}
