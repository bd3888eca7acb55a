-- The elements 42 CFR §2.31 asks of a Part 2 written consent (SUD-02), kept with the grant as JSON
-- {"patientName", "discloser", "information", "purpose", "revocable", "redisclosureStatement"}; NULL for
-- every other entry, and for a Part 2 grant recorded before the elements were asked for (which then
-- covers no disclosure).
ALTER TABLE consents ADD COLUMN part2 TEXT;
