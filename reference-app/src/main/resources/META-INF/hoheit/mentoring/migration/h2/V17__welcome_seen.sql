-- The first sign-in explains Smoff-Time and the roles once: when the person has read it, so it is not
-- shown again in any browser (issue 14). Part of the account's data (export, "Meine Daten").
ALTER TABLE app_account ADD COLUMN welcome_seen_at TIMESTAMP WITH TIME ZONE;
