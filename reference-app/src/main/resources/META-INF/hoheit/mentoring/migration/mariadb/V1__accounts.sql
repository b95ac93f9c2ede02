-- Smoffen, schema version 1 (MariaDB; the same schema as the H2 and PostgreSQL scripts). Kept to SQL
-- that MySQL 8 accepts too. Instants are DATETIME(6) in UTC (there is no TIMESTAMP WITH TIME ZONE, and
-- DATETIME never updates itself as TIMESTAMP may); text compares byte by byte (utf8mb4_bin), as on the
-- other databases, so nicknames that differ in case or accents stay distinct keys whatever the
-- database's default collation is. Binary columns are VARBINARY up to H2's sizes, BLOBs beyond (a
-- row's VARBINARY columns share 64 KiB). Primary keys are unnamed: the server would ignore a name
-- (always PRIMARY) and warn at every migration.
-- Accounts hold the minimum (R14, R22): a nickname, a password hash, optionally an e-mail address,
-- which is personal content and stored encrypted under the person's own key (R31).

CREATE TABLE app_account (
    account_id      CHAR(36)      NOT NULL,
    nickname        VARCHAR(40)   NOT NULL,
    nickname_key    VARCHAR(40)   NOT NULL,
    email_enc       VARBINARY(1024),
    password_hash   VARCHAR(200)  NOT NULL,
    roles           VARCHAR(200)  NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT app_account_nickname_uk UNIQUE (nickname_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The person's data key, wrapped by the controller's master key. Erasure deletes it.
CREATE TABLE app_person_key (
    account_id      CHAR(36)      NOT NULL,
    wrapped_key     VARBINARY(128) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Sessions live in the database, so instances are stateless. Only the SHA-256 of the session
-- token is stored; the token itself exists only in the person's session cookie (R30).
CREATE TABLE app_session (
    token_hash      CHAR(64)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    csrf_hash       CHAR(64)      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    last_seen_at    DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_session_account_ix ON app_session (account_id);
CREATE INDEX app_session_expires_ix ON app_session (expires_at);
