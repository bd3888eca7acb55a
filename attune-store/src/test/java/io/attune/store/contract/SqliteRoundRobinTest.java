package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteRoundRobinTest extends RoundRobinContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
