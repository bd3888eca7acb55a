package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteConsentsTest extends ConsentsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
