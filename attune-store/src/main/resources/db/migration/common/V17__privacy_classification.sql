-- Each workspace's additions to the default classification (issue 4 item 1): its health and
-- substance-use terms, dictionary entries, user-id properties, page rules and content groups, as
-- the JSON the API reads and writes. A workspace without a row classifies by the defaults alone.

CREATE TABLE privacy_classifications (
    workspace_id   TEXT PRIMARY KEY,
    classification TEXT NOT NULL,
    updated_at     ${long} NOT NULL
);
