-- Plans, pictures and messages: personal content, encrypted under the person's key (R31).

CREATE TABLE app_plan (
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(8)    NOT NULL,
    period          VARCHAR(10)   NOT NULL,
    text_enc        BLOB NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id, kind, period),
    CONSTRAINT app_plan_kind_ck CHECK (kind IN ('DAY', 'WEEK', 'YEAR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Pictures of paper planning sheets, re-encoded on upload so no metadata (EXIF location) survives.
-- LONGBLOB: a re-encoded picture may exceed MEDIUMBLOB's 16 MiB (H2 allows 20,000,000 bytes); the
-- server's max_allowed_packet (16 MiB by default) must hold the largest picture.
CREATE TABLE app_picture (
    picture_id      CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    media_type      VARCHAR(20)   NOT NULL,
    width           INTEGER       NOT NULL,
    height          INTEGER       NOT NULL,
    content_enc     LONGBLOB NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (picture_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_picture_account_ix ON app_picture (account_id);

-- Messages between a mentee and a mentor, encrypted under the mentee's key. Erasing either
-- person removes the whole conversation, on both sides (R24).
CREATE TABLE app_message (
    message_id      CHAR(36)      NOT NULL,
    mentee_id       CHAR(36)      NOT NULL,
    mentor_id       CHAR(36)      NOT NULL,
    sender_id       CHAR(36)      NOT NULL,
    body_enc        BLOB NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_message_mentee_ix ON app_message (mentee_id, created_at);
CREATE INDEX app_message_mentor_ix ON app_message (mentor_id, created_at);
