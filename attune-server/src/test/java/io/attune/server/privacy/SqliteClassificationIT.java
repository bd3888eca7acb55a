package io.attune.server.privacy;

import io.attune.store.testing.TestDatabase;

class SqliteClassificationIT extends ClassificationContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
