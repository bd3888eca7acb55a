package io.attune.server.delivery;

import io.attune.store.testing.TestDatabase;

class SqliteEgressEnforcementIT extends EgressEnforcementContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
