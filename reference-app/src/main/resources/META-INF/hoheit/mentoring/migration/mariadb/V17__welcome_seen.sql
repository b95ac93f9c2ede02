-- The first sign-in explains Smoff-Time and the roles once (MariaDB, the same schema as H2 and
-- PostgreSQL): when the person has read it, so it is not shown again in any browser (issue 14).
ALTER TABLE app_account ADD COLUMN welcome_seen_at DATETIME(6);
