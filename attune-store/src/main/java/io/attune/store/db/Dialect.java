package io.attune.store.db;

import java.util.Map;

/** The SQL differences between the two supported engines, kept to the few places they matter. */
public enum Dialect {
    // SQLite needs exactly INTEGER PRIMARY KEY for a column to be the fast rowid key.
    SQLITE("max", Map.of("long", "INTEGER", "double", "REAL", "generated_id", "INTEGER PRIMARY KEY AUTOINCREMENT")),
    POSTGRESQL("greatest", Map.of("long", "BIGINT", "double", "DOUBLE PRECISION",
            "generated_id", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"));

    /** One set of migrations serves both engines; these fill its type placeholders. */
    public static final String MIGRATIONS = "classpath:db/migration/common";

    private final String greatest;
    private final Map<String, String> types;

    Dialect(String greatest, Map<String, String> types) {
        this.greatest = greatest;
        this.types = types;
    }

    /** The Flyway placeholders of this engine's type names. */
    public Map<String, String> migrationPlaceholders() {
        return types;
    }

    /** The two-argument maximum function: {@code max} in SQLite, {@code greatest} in PostgreSQL. */
    public String greatest(String left, String right) {
        return greatest + "(" + left + ", " + right + ")";
    }

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
