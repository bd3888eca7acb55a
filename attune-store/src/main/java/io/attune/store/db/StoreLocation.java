package io.attune.store.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where Attune keeps its data: a SQLite file in a directory (the default), or a JDBC URL. */
public sealed interface StoreLocation permits StoreLocation.SqliteDirectory, StoreLocation.JdbcUrl {

    /** The JDBC URL to connect to, preparing what it needs (the SQLite directory). */
    String jdbcUrl();

    /** {@code attune.db} in {@code directory}, created when missing. */
    record SqliteDirectory(Path directory) implements StoreLocation {
        public SqliteDirectory {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String jdbcUrl() {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + directory, e);
            }
            return "jdbc:sqlite:" + directory.resolve("attune.db").toAbsolutePath();
        }
    }

    /** A PostgreSQL (or SQLite) JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/attune?user=postgres}. */
    record JdbcUrl(String url) implements StoreLocation {
        public JdbcUrl {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:sqlite:")) {
                throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: or jdbc:sqlite:");
            }
        }

        @Override
        public String jdbcUrl() {
            return url;
        }
    }
}
