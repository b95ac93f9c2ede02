-- The Unicode confusable skeleton (UTS #39) of each nickname, after NFKC and case folding: a nickname
-- that looks like another one (Cyrillic 'о' for Latin 'o', fullwidth letters) has the same skeleton
-- and is refused. Rows from before this version are filled in by the app at start-up.
-- The unique index on 400 utf8mb4 characters takes at most 1,600 bytes, within InnoDB's 3,072; it
-- compares byte by byte (the table's utf8mb4_bin), so only equal skeletons collide, as elsewhere.
ALTER TABLE app_account ADD COLUMN nickname_skeleton VARCHAR(400);

CREATE UNIQUE INDEX app_account_skeleton_uk ON app_account (nickname_skeleton);
