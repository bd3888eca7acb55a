package io.attune.cli;

import io.attune.store.testing.TestDatabase;

/** {@code attune audit verify --data DIR}. */
class SqliteAuditCommandTest extends AuditCommandContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
