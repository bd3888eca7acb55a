package io.attune.cli;

import io.attune.store.testing.TestDatabase;

/** {@code attune audit verify --db jdbc:postgresql:…}; skipped without PostgreSQL on 127.0.0.1:5432 unless CI=true. */
class PostgresAuditCommandTest extends AuditCommandContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
