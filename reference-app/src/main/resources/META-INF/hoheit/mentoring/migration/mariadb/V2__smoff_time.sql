-- Smoff-Time: the record of planning sessions (kind, date, minutes, optional note).
-- The note is personal content, encrypted under the person's key; kind, date and minutes stay
-- readable because the employer assessment counts them (never shown individually, R8).

CREATE TABLE app_smoff_session (
    session_id      CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    session_date    DATE          NOT NULL,
    minutes         INTEGER       NOT NULL,
    note_enc        VARBINARY(8192),
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (session_id),
    CONSTRAINT app_smoff_session_kind_ck CHECK (kind IN ('DAY', 'WEEK', 'QUARTER', 'YEAR')),
    CONSTRAINT app_smoff_session_minutes_ck CHECK (minutes BETWEEN 1 AND 600)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_smoff_session_account_ix ON app_smoff_session (account_id, session_date);
