-- The message an SMS or email destination delivers (USE-08): sender name, subject and body as JSON
-- {"sender", "subject", "body"}, written by the organisation and checked when saved; NULL for none.
ALTER TABLE destinations ADD COLUMN template TEXT;
