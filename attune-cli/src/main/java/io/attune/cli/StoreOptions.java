package io.attune.cli;

import io.attune.store.db.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the data is: {@code --data DIR} (a SQLite file, the default {@code ./data}) or {@code --db JDBC_URL}. */
public final class StoreOptions {
    @ArgGroup(exclusive = true)
    Choice choice;

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
}
