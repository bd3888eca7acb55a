package io.attune.server.subject;

import io.attune.store.testing.TestDatabase;

class SqliteSubjectRequestsIT extends SubjectRequestsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
