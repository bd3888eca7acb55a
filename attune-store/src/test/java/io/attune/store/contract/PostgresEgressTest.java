package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class PostgresEgressTest extends EgressContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
