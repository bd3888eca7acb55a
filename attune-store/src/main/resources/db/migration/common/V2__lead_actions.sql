-- What sales said about leads (accept, reject, opportunity, won, lost): append-only, numbered in the
-- same sequence as events, so that a rebuild replays both in the order they were recorded.
CREATE TABLE lead_actions (
    seq          ${long} PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    action       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    at           ${long} NOT NULL
);
CREATE INDEX lead_actions_lead ON lead_actions (workspace_id, lead_id, seq);
