package io.attune.server.endtoend;

import io.attune.store.testing.TestDatabase;

class SqliteEndToEndIT extends EndToEndContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
