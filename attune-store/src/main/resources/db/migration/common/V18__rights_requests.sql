-- Rights requests (USE-06): access, deletion and consent withdrawal, each with the deadline of the law
-- that sets its clock. Like the tombstones they hold no PHI: the lead id, the kind, who asked and who
-- recorded it (staff and keys), the law, the dates, and the extension's reason (a ground, not a fact
-- about the person). due_at is the deadline now (statutory_due moved by the extension), for listing.
CREATE TABLE subject_requests (
    workspace_id     TEXT NOT NULL,
    request_id       TEXT NOT NULL,
    lead_id          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    requested_by     TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    received_at      ${long} NOT NULL,
    law              TEXT NOT NULL,
    statutory_due    ${long} NOT NULL,
    extension_limit  INTEGER NOT NULL,
    extension_days   INTEGER,
    extension_reason TEXT,
    extended_at      ${long},
    extended_by      TEXT,
    due_at           ${long} NOT NULL,
    closed_at        ${long},
    PRIMARY KEY (workspace_id, request_id)
);
CREATE INDEX subject_requests_received ON subject_requests (workspace_id, received_at, request_id);
-- A person is erased once, so there is one deletion request per lead id; a retried erasure finds the tombstone.
CREATE UNIQUE INDEX subject_requests_one_deletion ON subject_requests (workspace_id, lead_id) WHERE kind = 'deletion';

-- The lead.deleted messages of a deletion: their delivery is read from the outbox row.
CREATE TABLE subject_request_recipients (
    workspace_id   TEXT NOT NULL,
    request_id     TEXT NOT NULL,
    destination_id TEXT NOT NULL,
    message_id     TEXT NOT NULL,
    PRIMARY KEY (workspace_id, request_id, message_id)
);

-- A recipient's confirmation (note: its reference, if given) or waiver (note: why it cannot confirm). Once each.
CREATE TABLE subject_request_settlements (
    workspace_id   TEXT NOT NULL,
    request_id     TEXT NOT NULL,
    destination_id TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    note           TEXT,
    settled_at     ${long} NOT NULL,
    recorded_by    TEXT NOT NULL,
    PRIMARY KEY (workspace_id, request_id, destination_id)
);
