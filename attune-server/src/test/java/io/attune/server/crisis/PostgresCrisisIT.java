package io.attune.server.crisis;

import io.attune.store.testing.TestDatabase;

class PostgresCrisisIT extends CrisisContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
