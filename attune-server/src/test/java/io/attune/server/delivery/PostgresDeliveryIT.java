package io.attune.server.delivery;

import io.attune.store.testing.TestDatabase;

class PostgresDeliveryIT extends DeliveryContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
