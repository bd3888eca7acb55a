package io.attune.server.delivery;

import io.attune.store.testing.TestDatabase;

class PostgresEgressEnforcementIT extends EgressEnforcementContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
