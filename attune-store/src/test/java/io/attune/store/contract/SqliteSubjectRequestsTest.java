package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class SqliteSubjectRequestsTest extends SubjectRequestsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
