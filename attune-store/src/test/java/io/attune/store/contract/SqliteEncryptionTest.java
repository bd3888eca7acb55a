package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteEncryptionTest extends EncryptionContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
