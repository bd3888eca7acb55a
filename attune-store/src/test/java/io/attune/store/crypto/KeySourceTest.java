package io.attune.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.store.db.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {
    private static final StoreLocation POSTGRES = new StoreLocation.JdbcUrl("jdbc:postgresql://127.0.0.1/attune");

    @TempDir
    Path directory;

    @Test
    void with_nothing_configured_a_sqlite_directory_gets_an_owner_only_key_file_on_first_use() throws Exception {
        KeySource source = KeySource.of(new StoreLocation.SqliteDirectory(directory), Optional.empty(), Map.of());

        Keyring first = source.load();
        Keyring again = source.load();

        Path file = directory.resolve("attune.keys");
        assertThat(source).isEqualTo(new KeySource.KeyFile(file, true));
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void the_environment_wins_over_the_directory_and_a_named_file_over_both() throws Exception {
        Keyring configured = Keyring.generate(new SecureRandom());
        Path file = directory.resolve("elsewhere.keys");
        KeySource.KeyFile.write(file, configured, false);
        Map<String, String> environment = Map.of("ATTUNE_DATA_KEYS", configured.rotated(new SecureRandom()).text());
        StoreLocation sqlite = new StoreLocation.SqliteDirectory(directory);

        assertThat(KeySource.of(sqlite, Optional.empty(), environment).load().ids()).containsExactly("k2", "k1");
        assertThat(KeySource.of(sqlite, Optional.of(file), environment).load()).isEqualTo(configured);
        assertThat(directory.resolve("attune.keys")).doesNotExist();
    }

    @Test
    void a_postgresql_store_without_keys_is_refused_with_the_settings_to_use() {
        assertThatThrownBy(() -> KeySource.of(POSTGRES, Optional.empty(), Map.of()))
                .hasMessageContaining("ATTUNE_DATA_KEYS").hasMessageContaining("--data-key-file");
    }

    @Test
    void a_named_key_file_that_is_missing_is_not_made_up() {
        Path missing = directory.resolve("missing.keys");

        assertThatThrownBy(() -> KeySource.of(POSTGRES, Optional.of(missing), Map.of()).load())
                .hasMessageContaining("cannot read the data key file");
        assertThat(missing).doesNotExist();
    }
}
