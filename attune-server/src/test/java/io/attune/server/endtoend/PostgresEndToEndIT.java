package io.attune.server.endtoend;

import io.attune.store.testing.TestDatabase;

class PostgresEndToEndIT extends EndToEndContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
