-- Who wrote each model version and who approved it (actors such as key:key_…): approval needs an
-- approver other than the author. The starter models ship approved, so that activating one again
-- after another version is a rollback like any other.
ALTER TABLE models ADD COLUMN author TEXT;
ALTER TABLE models ADD COLUMN approved_by TEXT;
ALTER TABLE models ADD COLUMN approved_at ${long};
UPDATE models SET approved_by = 'system:attune', approved_at = created_at WHERE status = 'active';
CREATE INDEX models_segment ON models (workspace_id, segment, status);
