package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteModelVersionsTest extends ModelVersionsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
