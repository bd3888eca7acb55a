-- Data-subject requests: one tombstone per erased lead, written in the transaction that erases it.
-- It holds no PHI — the lead id, when, who asked and recorded it, why, how many rows of each kind
-- were erased (JSON {"events": 12, …}) and the destinations sent a deletion request (space-separated
-- ids) — so that the API can say "erased on <date>" and a retried request is answered the same way.
-- The erased id is never given to a new lead. Only ever inserted into.
CREATE TABLE subject_erasures (
    workspace_id TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    erased_at    ${long} NOT NULL,
    requested_by TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    reason       TEXT NOT NULL,
    erased       TEXT NOT NULL,
    notified     TEXT NOT NULL,
    PRIMARY KEY (workspace_id, lead_id)
);
