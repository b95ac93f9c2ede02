-- The Unicode confusable skeleton (UTS #39) of each nickname, after NFKC and case folding: a nickname
-- that looks like another one (Cyrillic 'о' for Latin 'o', fullwidth letters) has the same skeleton
-- and is refused. Rows from before this version are filled in by the app at start-up.
ALTER TABLE app_account ADD COLUMN nickname_skeleton VARCHAR(400);

CREATE UNIQUE INDEX app_account_skeleton_uk ON app_account (nickname_skeleton);
