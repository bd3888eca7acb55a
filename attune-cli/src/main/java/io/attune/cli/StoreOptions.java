package io.attune.cli;

import io.attune.store.Store;
import io.attune.store.crypto.KeySource;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the data is: {@code --data DIR} (a SQLite file, the default {@code ./data}) or {@code --db JDBC_URL};
 * and the keys that seal its health data: {@code --data-key-file FILE}, else {@code ATTUNE_DATA_KEYS}, else
 * {@code attune.keys} in the SQLite directory (made on first use).
 */
public final class StoreOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @ArgGroup(exclusive = true)
    Choice choice;

    @Option(names = "--data-key-file", paramLabel = "FILE", description = "the data keys (lines of id:base64, "
            + "primary first); default: the ATTUNE_DATA_KEYS variable, else attune.keys in the --data directory")
    Path dataKeyFile;

    static final class Choice {
        @Option(names = "--data", paramLabel = "DIR", description = "directory of the SQLite store (default ./data)")
        Path data;

        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "a PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/attune?user=postgres")
        String url;
    }

    public StoreLocation location() {
        if (choice != null && choice.url != null) {
            return new StoreLocation.JdbcUrl(choice.url);
        }
        return new StoreLocation.SqliteDirectory(choice != null && choice.data != null ? choice.data : Path.of("data"));
    }

    public KeySource keySource() {
        return KeySource.of(location(), Optional.ofNullable(dataKeyFile), System.getenv());
    }

    /** Opens the store with its data keys, saying so when a key file is made for it. */
    public Store open(Clock clock) {
        KeySource keys = keySource();
        if (keys instanceof KeySource.KeyFile file && file.createWhenMissing() && !Files.exists(file.path())) {
            mixee.commandLine().getErr().printf("attune: made a data key in %s (owner-only); the health data in the "
                    + "store is sealed with it: back it up apart from the database, or give keys with "
                    + "ATTUNE_DATA_KEYS (README: Encryption at rest)%n", file.path());
        }
        return Store.open(location(), keys.load(), WriterSettings.DEFAULTS, clock);
    }
}
