package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

/** Skipped without PostgreSQL on 127.0.0.1:5432 unless CI=true. */
class PostgresAuditLogTest extends AuditLogContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
