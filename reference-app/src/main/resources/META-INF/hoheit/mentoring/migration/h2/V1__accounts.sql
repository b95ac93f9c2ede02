-- Smoffen, schema version 1 (H2; the PostgreSQL script differs only in binary column types).
-- Accounts hold the minimum (R14, R22): a nickname, a password hash, optionally an e-mail address,
-- which is personal content and stored encrypted under the person's own key (R31).

CREATE TABLE app_account (
    account_id      CHAR(36)      NOT NULL,
    nickname        VARCHAR(40)   NOT NULL,
    nickname_key    VARCHAR(40)   NOT NULL,
    email_enc       VARBINARY(1024),
    password_hash   VARCHAR(200)  NOT NULL,
    roles           VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_account_pk PRIMARY KEY (account_id),
    CONSTRAINT app_account_nickname_uk UNIQUE (nickname_key)
);

-- The person's data key, wrapped by the controller's master key. Erasure deletes it.
CREATE TABLE app_person_key (
    account_id      CHAR(36)      NOT NULL,
    wrapped_key     VARBINARY(128) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_person_key_pk PRIMARY KEY (account_id)
);

-- Sessions live in the database, so instances are stateless. Only the SHA-256 of the session
-- token is stored; the token itself exists only in the person's session cookie (R30).
CREATE TABLE app_session (
    token_hash      CHAR(64)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    csrf_hash       CHAR(64)      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_session_pk PRIMARY KEY (token_hash)
);

CREATE INDEX app_session_account_ix ON app_session (account_id);
CREATE INDEX app_session_expires_ix ON app_session (expires_at);
