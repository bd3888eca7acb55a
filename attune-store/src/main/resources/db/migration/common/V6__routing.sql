-- Routing: a destination may take only leads of some CRM owners (space-separated owner ids; empty:
-- any) and may share a round-robin pool with others. A pool's turns and which of its destinations
-- has each lead are written in the transaction of the move they route, so a rolled-back write takes
-- no turn and a restart continues the rotation. Not projections: a rebuild leaves them alone.

ALTER TABLE destinations ADD COLUMN owners TEXT NOT NULL DEFAULT '';
ALTER TABLE destinations ADD COLUMN pool TEXT;

CREATE TABLE pool_turns (
    workspace_id TEXT NOT NULL,
    pool         TEXT NOT NULL,
    turns        ${long} NOT NULL,
    PRIMARY KEY (workspace_id, pool)
);

CREATE TABLE pool_assignments (
    workspace_id   TEXT NOT NULL,
    pool           TEXT NOT NULL,
    lead_id        TEXT NOT NULL,
    destination_id TEXT NOT NULL,
    PRIMARY KEY (workspace_id, pool, lead_id)
);
