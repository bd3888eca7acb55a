package io.attune.store.crypto;

import io.attune.store.db.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/** Where the data keys come from: a setting holding the keyring, or a key file. */
public sealed interface KeySource permits KeySource.Setting, KeySource.KeyFile {
    /** The environment variable that holds the keyring. */
    String ENVIRONMENT = "ATTUNE_DATA_KEYS";
    /** The key file kept in a SQLite data directory when no keys are configured. */
    String DEFAULT_FILE = "attune.keys";

    Keyring load();

    /**
     * The configured source: {@code file} when given, else {@code ATTUNE_DATA_KEYS} in {@code environment},
     * else {@code attune.keys} beside a SQLite database (made on first use). A PostgreSQL store needs
     * one of the first two: a key made up by one process would leave the others unable to read.
     */
    static KeySource of(StoreLocation location, Optional<Path> file, Map<String, String> environment) {
        if (file.isPresent()) {
            return new KeyFile(file.get(), false);
        }
        String setting = environment.get(ENVIRONMENT);
        if (setting != null && !setting.isBlank()) {
            return new Setting(ENVIRONMENT, setting);
        }
        return sqliteDirectory(location).map(directory -> new KeyFile(directory.resolve(DEFAULT_FILE), true))
                .orElseThrow(() -> new IllegalArgumentException("a PostgreSQL store needs data keys: set "
                        + ENVIRONMENT + " (id:base64 of a 256-bit key, primary first) or pass --data-key-file FILE; "
                        + "`attune keys rotate --data-key-file FILE` makes a key file"));
    }

    private static Optional<Path> sqliteDirectory(StoreLocation location) {
        if (location instanceof StoreLocation.SqliteDirectory sqlite) {
            return Optional.of(sqlite.directory());
        }
        String url = location.jdbcUrl();
        if (!url.startsWith("jdbc:sqlite:") || url.contains(":memory:")) {
            return Optional.empty();
        }
        String file = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
        return Optional.ofNullable(Path.of(file).toAbsolutePath().getParent());
    }

    /** A keyring written out in a setting, e.g. {@code ATTUNE_DATA_KEYS}. */
    record Setting(String name, String value) implements KeySource {
        @Override
        public Keyring load() {
            return Keyring.parse(value, name);
        }

        @Override
        public String toString() {
            return "Setting[" + name + "]";
        }
    }

    /** A key file; {@code createWhenMissing} makes one with a fresh key, readable by its owner only. */
    record KeyFile(Path path, boolean createWhenMissing) implements KeySource {
        @Override
        public Keyring load() {
            if (createWhenMissing && !Files.exists(path)) {
                try {
                    write(path, Keyring.generate(new SecureRandom()), false);
                } catch (UncheckedIOException e) {
                    if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                        throw e;
                    }
                }
            }
            try {
                return Keyring.parse(Files.readString(path, StandardCharsets.UTF_8), "data key file " + path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the data key file " + path
                        + " (--data-key-file; `attune keys rotate` makes one)", e);
            }
        }

        /** Writes {@code keyring} to {@code path} (owner read/write only), replacing it when {@code replace}. */
        public static void write(Path path, Keyring keyring, boolean replace) {
            Path directory = path.toAbsolutePath().getParent();
            try {
                Files.createDirectories(directory);
                Path temporary = Files.createTempFile(directory, ".attune-keys", ".tmp");
                try {
                    ownerOnly(temporary);
                    Files.writeString(temporary, "# Attune data keys: id:base64, primary first. Keep apart from "
                            + "database backups.\n" + keyring.text(), StandardCharsets.UTF_8);
                    move(temporary, path, replace);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the data key file " + path, e);
            }
        }

        private static void move(Path from, Path to, boolean replace) throws IOException {
            if (!replace) {
                Files.move(from, to);
                return;
            }
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static void ownerOnly(Path file) throws IOException {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }
}
