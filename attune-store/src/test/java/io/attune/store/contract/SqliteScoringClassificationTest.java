package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteScoringClassificationTest extends ScoringClassificationContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
