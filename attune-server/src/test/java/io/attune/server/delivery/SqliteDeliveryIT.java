package io.attune.server.delivery;

import io.attune.store.testing.TestDatabase;

class SqliteDeliveryIT extends DeliveryContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }
}
