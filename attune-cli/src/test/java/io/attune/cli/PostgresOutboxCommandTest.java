package io.attune.cli;

import io.attune.store.testing.TestDatabase;

/** {@code attune outbox --db jdbc:postgresql:…}; skipped without PostgreSQL on 127.0.0.1:5432 unless CI=true. */
class PostgresOutboxCommandTest extends OutboxCommandContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
