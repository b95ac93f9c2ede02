-- Account security (issue 12; MariaDB, the same schema as H2 and PostgreSQL): forced password changes, recovery and reset codes, visible sessions.

-- An operator-issued or reset-issued password must be changed at the first sign-in: until then the
-- account can do nothing else.
ALTER TABLE app_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_account ADD COLUMN password_changed_at DATETIME(6);

-- Sessions get a public id (the token hash stays secret), an order for the per-account cap, and the
-- browser's user agent so the person recognises them (no address). Existing sessions end: everyone
-- signs in again once.
DELETE FROM app_session;
ALTER TABLE app_session ADD COLUMN session_id CHAR(36) NOT NULL;
-- An AUTO_INCREMENT column needs a key, given in the same statement.
ALTER TABLE app_session ADD COLUMN session_seq BIGINT NOT NULL AUTO_INCREMENT, ADD CONSTRAINT app_session_seq_uk UNIQUE (session_seq);
ALTER TABLE app_session ADD COLUMN user_agent VARCHAR(200);
CREATE UNIQUE INDEX app_session_id_uk ON app_session (session_id);

-- Recovery codes (the person's own, shown once) and reset codes (issued by the operator, valid for
-- a day). Each sets a new password once. Only the SHA-256 of a code is stored: a code has 120 random
-- bits, so no slow hash is needed (like the session tokens).
CREATE TABLE app_account_code (
    code_hash       CHAR(64)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(8)    NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    expires_at      DATETIME(6),
    used_at         DATETIME(6),
    PRIMARY KEY (code_hash),
    CONSTRAINT app_account_code_kind_ck CHECK (kind IN ('RECOVERY', 'RESET'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_account_code_account_ix ON app_account_code (account_id, kind);
