-- The consent ledger (RULES.md §0): every grant and revocation of consent per lead, purpose, channel
-- and recipient, with the verbatim disclosure, how and when it was captured, and the evidence.
--
-- Rows carried by events (message_id set: identify traits.consent, Consent Updated, an opt-out in an
-- inbound SMS or email) are a projection: written in the transaction of their event, at the event's
-- position in the log, and deleted and re-derived from the events by a rebuild. Rows entered through
-- the API (message_id null) are the record itself, at a position of their own in the same sequence,
-- and a rebuild leaves them alone. ordinal orders the changes one event carries. A lead's ledger is
-- its rows and those of the leads merged into it (lead_merges), ordered by capture time, then position.
CREATE TABLE consents (
    workspace_id TEXT NOT NULL,
    position     ${long} NOT NULL,
    ordinal      ${long} NOT NULL,
    lead_id      TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    channel      TEXT,
    recipient    TEXT,
    granted      ${long} NOT NULL,
    disclosure   TEXT,
    version      TEXT,
    source       TEXT NOT NULL,
    method       TEXT,
    captured_at  ${long} NOT NULL,
    expires_at   ${long},
    message_id   TEXT,
    actor        TEXT NOT NULL,
    recorded_at  ${long} NOT NULL,
    page         TEXT,
    ip           TEXT,
    user_agent   TEXT,
    PRIMARY KEY (workspace_id, position, ordinal)
);
CREATE INDEX consents_lead ON consents (workspace_id, lead_id, position);
