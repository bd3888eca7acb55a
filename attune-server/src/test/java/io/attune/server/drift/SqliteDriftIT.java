package io.attune.server.drift;

import io.attune.store.testing.TestDatabase;

class SqliteDriftIT extends DriftContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
