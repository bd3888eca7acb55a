-- What each workspace decides for itself (recycling, sales SLA and its business calendar), and the
-- SLA timer of every qualification: opened in the transaction that makes a lead an MQL, closed in
-- the one that moves it on, escalated by the watcher when it runs out first.

CREATE TABLE workspace_settings (
    workspace_id TEXT PRIMARY KEY,
    settings     TEXT NOT NULL,
    updated_at   ${long} NOT NULL
);

CREATE TABLE sla_timers (
    workspace_id TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    qualified_at ${long} NOT NULL,
    due_at       ${long} NOT NULL,
    status       TEXT NOT NULL,
    breached_at  ${long},
    closed_at    ${long},
    PRIMARY KEY (workspace_id, lead_id, qualified_at)
);
CREATE INDEX sla_timers_due ON sla_timers (status, due_at);
CREATE INDEX sla_timers_breached ON sla_timers (workspace_id, status, breached_at);
