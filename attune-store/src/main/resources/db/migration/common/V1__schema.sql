-- Attune schema, for SQLite and PostgreSQL alike: the few type names that differ are Flyway
-- placeholders set per engine (Dialect). Instants are epoch milliseconds; booleans are 0/1.
-- Events are append-only; everything else is a projection `attune rebuild` can recompute.

CREATE TABLE workspaces (
    workspace_id    TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    default_segment TEXT NOT NULL,
    write_key_hash  TEXT NOT NULL UNIQUE,
    created_at      ${long} NOT NULL
);

CREATE TABLE api_keys (
    key_id       TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (workspace_id),
    key_hash     TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL,
    name         TEXT NOT NULL,
    created_at   ${long} NOT NULL,
    revoked_at   ${long}
);

CREATE TABLE models (
    workspace_id TEXT NOT NULL REFERENCES workspaces (workspace_id),
    model_id     TEXT NOT NULL,
    version      ${long} NOT NULL,
    segment      TEXT NOT NULL,
    status       TEXT NOT NULL,
    source       TEXT NOT NULL,
    created_at   ${long} NOT NULL,
    PRIMARY KEY (workspace_id, model_id, version)
);

CREATE TABLE events (
    seq          ${long} PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    occurred_at  ${long} NOT NULL,
    received_at  ${long} NOT NULL,
    event        TEXT NOT NULL,
    extras       TEXT NOT NULL
);
CREATE UNIQUE INDEX events_message ON events (workspace_id, message_id);
CREATE INDEX events_lead ON events (workspace_id, lead_id, seq);

CREATE TABLE identities (
    workspace_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    PRIMARY KEY (workspace_id, kind, value)
);
CREATE INDEX identities_lead ON identities (workspace_id, lead_id);

CREATE TABLE lead_merges (
    workspace_id TEXT NOT NULL,
    from_lead    TEXT NOT NULL,
    into_lead    TEXT NOT NULL,
    PRIMARY KEY (workspace_id, from_lead)
);
CREATE INDEX lead_merges_into ON lead_merges (workspace_id, into_lead);

CREATE TABLE leads (
    workspace_id TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    segment      TEXT NOT NULL,
    stage        TEXT NOT NULL,
    identified   ${long} NOT NULL,
    account_id   TEXT,
    model        TEXT NOT NULL,
    fit          ${double} NOT NULL,
    eng_value    ${double} NOT NULL,
    eng_as_of    ${long} NOT NULL,
    eng_rate     ${double} NOT NULL,
    first_seen   ${long} NOT NULL,
    last_seen    ${long} NOT NULL,
    events       ${long} NOT NULL,
    updated_at   ${long} NOT NULL,
    state        TEXT NOT NULL,
    PRIMARY KEY (workspace_id, lead_id)
);
CREATE INDEX leads_stage ON leads (workspace_id, stage, lead_id);
CREATE INDEX leads_updated ON leads (workspace_id, updated_at);
CREATE INDEX leads_account ON leads (workspace_id, account_id);

CREATE TABLE accounts (
    workspace_id TEXT NOT NULL,
    account_id   TEXT NOT NULL,
    group_id     TEXT,
    domain       TEXT,
    segment      TEXT NOT NULL,
    mqa          ${long} NOT NULL,
    contacts     ${long} NOT NULL,
    updated_at   ${long} NOT NULL,
    state        TEXT NOT NULL,
    PRIMARY KEY (workspace_id, account_id)
);
CREATE INDEX accounts_domain ON accounts (workspace_id, domain);

CREATE TABLE transitions (
    id           ${generated_id},
    workspace_id TEXT NOT NULL,
    lead_id      TEXT NOT NULL,
    from_stage   TEXT NOT NULL,
    to_stage     TEXT NOT NULL,
    at           ${long} NOT NULL,
    cause        TEXT NOT NULL,
    actor        TEXT NOT NULL
);
CREATE INDEX transitions_lead ON transitions (workspace_id, lead_id, id);
CREATE INDEX transitions_stage ON transitions (workspace_id, to_stage, at);

CREATE TABLE account_transitions (
    id           ${generated_id},
    workspace_id TEXT NOT NULL,
    account_id   TEXT NOT NULL,
    mqa          ${long} NOT NULL,
    at           ${long} NOT NULL,
    cause        TEXT NOT NULL,
    actor        TEXT NOT NULL
);
CREATE INDEX account_transitions_account ON account_transitions (workspace_id, account_id, id);
