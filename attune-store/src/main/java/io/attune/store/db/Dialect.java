package io.attune.store.db;

/** The SQL differences between the two supported engines, kept to the few places they matter. */
public enum Dialect {
    SQLITE("sqlite", "max"), POSTGRESQL("postgresql", "greatest");

    private final String migrations;
    private final String greatest;

    Dialect(String migrations, String greatest) {
        this.migrations = migrations;
        this.greatest = greatest;
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** The two-argument maximum function: {@code max} in SQLite, {@code greatest} in PostgreSQL. */
    public String greatest(String left, String right) {
        return greatest + "(" + left + ", " + right + ")";
    }

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
