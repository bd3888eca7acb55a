-- The append-only, hash-chained audit log: one chain per workspace, entries numbered 1, 2, 3… each
-- carrying the hash of the one before (io.attune.core.audit.AuditChain says how the hash is made).
-- The application only ever inserts into audit_log. audit_heads keeps each chain's last sequence
-- number and hash, updated in the transaction of every append: its row is the lock that serialises
-- appenders of one workspace, and it lets verify find entries deleted from the end.
CREATE TABLE audit_log (
    workspace_id TEXT NOT NULL,
    seq          ${long} NOT NULL,
    recorded_at  ${long} NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject      TEXT,
    details      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    PRIMARY KEY (workspace_id, seq)
);
CREATE INDEX audit_log_action ON audit_log (workspace_id, action, seq);
CREATE INDEX audit_log_subject ON audit_log (workspace_id, subject, seq);

CREATE TABLE audit_heads (
    workspace_id TEXT PRIMARY KEY,
    seq          ${long} NOT NULL,
    hash         TEXT NOT NULL,
    updated_at   ${long} NOT NULL
);
