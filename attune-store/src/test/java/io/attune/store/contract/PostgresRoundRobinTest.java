package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class PostgresRoundRobinTest extends RoundRobinContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
