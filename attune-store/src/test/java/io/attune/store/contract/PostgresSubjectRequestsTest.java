package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;

class PostgresSubjectRequestsTest extends SubjectRequestsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
