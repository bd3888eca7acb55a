package io.attune.server.proposal;

import io.attune.store.testing.TestDatabase;

class PostgresProposalsIT extends ProposalsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
