package io.attune.server.subject;

import io.attune.store.testing.TestDatabase;

class PostgresSubjectRequestsIT extends SubjectRequestsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
