-- The hold lock: placing a legal hold and the hold check of an erasure take this row (FOR UPDATE),
-- so an erasure cannot pass its check while a hold naming the person is being placed.
-- Row 1 stays the retention runner's.
INSERT INTO retention_lock (id) VALUES (2);
