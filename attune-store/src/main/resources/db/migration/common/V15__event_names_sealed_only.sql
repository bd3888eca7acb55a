-- An event's name can describe care ("Detox Page Viewed", "Paid: Weekly Therapy"): it is kept only
-- inside the sealed event (events.event), so the column is emptied, and new events leave it empty.
-- Nothing reads it; the column stays for the rows' shape.
UPDATE events SET name = '';
