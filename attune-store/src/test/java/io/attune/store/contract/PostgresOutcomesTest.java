package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class PostgresOutcomesTest extends OutcomesContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
