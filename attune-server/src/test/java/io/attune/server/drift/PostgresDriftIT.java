package io.attune.server.drift;

import io.attune.store.testing.TestDatabase;

class PostgresDriftIT extends DriftContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
