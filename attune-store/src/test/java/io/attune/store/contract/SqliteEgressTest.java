package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteEgressTest extends EgressContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
