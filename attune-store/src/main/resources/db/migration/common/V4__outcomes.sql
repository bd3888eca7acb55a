-- What the CRM reported about leads (sql, opportunity, won, lost), kept for model evaluation. Not a
-- projection: a rebuild leaves it alone. outcome_id is derived from the lead, status, time and CRM
-- record id, so the same update sent twice is one row. Amounts are decimal text, never rounded.
CREATE TABLE outcomes (
    workspace_id TEXT NOT NULL,
    outcome_id   TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    status       TEXT NOT NULL,
    occurred_at  ${long} NOT NULL,
    amount       TEXT,
    currency     TEXT,
    crm_id       TEXT,
    source       TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  ${long} NOT NULL,
    PRIMARY KEY (workspace_id, outcome_id)
);
CREATE INDEX outcomes_occurred ON outcomes (workspace_id, occurred_at, outcome_id);
CREATE INDEX outcomes_status ON outcomes (workspace_id, status, occurred_at, outcome_id);
CREATE INDEX outcomes_lead ON outcomes (workspace_id, lead_id);
