-- Per-destination egress policy (RULES.md TRK-01..07, USE-01/02/04/10, SUD-01/04).
--
-- Each destination declares what it is (kind: crm, intake, email, sms, ad_platform, analytics,
-- referral_partner), whether a BAA and a Part 2 (QSO) agreement are in place, and how it is paid
-- (remuneration: none, flat, per_lead, per_call, per_admission, rev_share); fields stays its allow-list.
-- Destinations made before this migration declared nothing: they become a CRM without a BAA, so a
-- consumer's hand-off to one is blocked (TRK-02) until someone declares what it really is. When
-- unsure, block and record.
ALTER TABLE destinations ADD COLUMN kind TEXT NOT NULL DEFAULT 'crm';
ALTER TABLE destinations ADD COLUMN baa ${long} NOT NULL DEFAULT 0;
ALTER TABLE destinations ADD COLUMN part2_agreement ${long} NOT NULL DEFAULT 0;
ALTER TABLE destinations ADD COLUMN remuneration TEXT NOT NULL DEFAULT 'none';

-- Every egress decision, taken at each send of an outbox message before anything leaves: the outcome
-- (sent, redacted, blocked), the rule ids (space-separated), what was redacted as JSON
-- [{"field", "class", "treatment", "rules"}] — field names, never values — and for a block the reason.
-- A blocked message ends with outbox status 'blocked': never sent, retried, dead-lettered or replayed.
-- Only ever inserted into.
CREATE TABLE egress_decisions (
    id             ${generated_id},
    workspace_id   TEXT NOT NULL,
    message_id     TEXT NOT NULL,
    destination_id TEXT NOT NULL,
    lead_id        TEXT NOT NULL,
    type           TEXT NOT NULL,
    attempt        ${long} NOT NULL,
    decided_at     ${long} NOT NULL,
    outcome        TEXT NOT NULL,
    rule_ids       TEXT NOT NULL,
    redactions     TEXT NOT NULL,
    reason         TEXT
);
CREATE INDEX egress_decisions_message ON egress_decisions (workspace_id, message_id, id);
CREATE INDEX egress_decisions_workspace ON egress_decisions (workspace_id, id);

-- Each workspace's privacy keys: the secrets its content groups (TRK-04) and pseudonyms (TRK-05) are
-- HMAC-SHA256 keyed with, 32 random bytes each (base64), made when first needed and kept for good.
-- Secrets: never logged, never shown by the API.
CREATE TABLE privacy_keys (
    workspace_id      TEXT PRIMARY KEY,
    content_group_key TEXT NOT NULL,
    pseudonym_key     TEXT NOT NULL,
    created_at        ${long} NOT NULL
);
