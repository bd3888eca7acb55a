package io.attune.store.contract;

import io.attune.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class SqliteEncryptionTest extends EncryptionContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }

    @Test
    void the_database_file_holds_no_health_value_in_clear_text() throws Exception {
        the_sqlite_file_holds_no_health_value_in_clear_text();
    }
}
