-- Hand-offs: where they go (destinations), what is to be sent (the outbox, written in the same
-- transaction as the move it announces), and every delivery attempt.

CREATE TABLE destinations (
    workspace_id    TEXT NOT NULL,
    destination_id  TEXT NOT NULL,
    name            TEXT NOT NULL,
    url             TEXT NOT NULL,
    types           TEXT NOT NULL,
    segments        TEXT NOT NULL,
    states          TEXT NOT NULL,
    fields          TEXT NOT NULL,
    preset          TEXT,
    secrets         TEXT NOT NULL,
    max_concurrency ${long} NOT NULL,
    max_attempts    ${long} NOT NULL,
    enabled         ${long} NOT NULL,
    created_at      ${long} NOT NULL,
    PRIMARY KEY (workspace_id, destination_id)
);

CREATE TABLE outbox (
    message_id      TEXT PRIMARY KEY,
    seq             ${long} NOT NULL,
    workspace_id    TEXT NOT NULL,
    destination_id  TEXT NOT NULL,
    subject         TEXT NOT NULL,
    type            TEXT NOT NULL,
    at              ${long} NOT NULL,
    data            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        ${long} NOT NULL,
    next_attempt_at ${long} NOT NULL,
    delivered_at    ${long},
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_order ON outbox (workspace_id, destination_id, subject, seq);

CREATE TABLE delivery_attempts (
    id            ${generated_id},
    message_id    TEXT NOT NULL,
    attempt       ${long} NOT NULL,
    at            ${long} NOT NULL,
    outcome       TEXT NOT NULL,
    status_code   ${long},
    latency_ms    ${long} NOT NULL,
    error         TEXT
);
CREATE INDEX delivery_attempts_message ON delivery_attempts (message_id, attempt);
