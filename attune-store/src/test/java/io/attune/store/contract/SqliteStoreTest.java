package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteStoreTest extends StoreContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
