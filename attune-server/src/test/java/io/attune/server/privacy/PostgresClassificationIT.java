package io.attune.server.privacy;

import io.attune.store.testing.TestDatabase;

class PostgresClassificationIT extends ClassificationContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
