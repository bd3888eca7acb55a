package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteAuditLogTest extends AuditLogContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
