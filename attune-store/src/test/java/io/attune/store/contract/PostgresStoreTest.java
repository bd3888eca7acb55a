package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class PostgresStoreTest extends StoreContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
