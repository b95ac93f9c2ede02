-- Plans, pictures and messages: personal content, encrypted under the person's key (R31).

CREATE TABLE app_plan (
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(8)    NOT NULL,
    period          VARCHAR(10)   NOT NULL,
    text_enc        VARBINARY(40000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_plan_pk PRIMARY KEY (account_id, kind, period),
    CONSTRAINT app_plan_kind_ck CHECK (kind IN ('DAY', 'WEEK', 'YEAR'))
);

-- Pictures of paper planning sheets, re-encoded on upload so no metadata (EXIF location) survives.
CREATE TABLE app_picture (
    picture_id      CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    media_type      VARCHAR(20)   NOT NULL,
    width           INTEGER       NOT NULL,
    height          INTEGER       NOT NULL,
    content_enc     VARBINARY(20000000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_picture_pk PRIMARY KEY (picture_id)
);

CREATE INDEX app_picture_account_ix ON app_picture (account_id);

-- Messages between a mentee and a mentor, encrypted under the mentee's key. Erasing either
-- person removes the whole conversation, on both sides (R24).
CREATE TABLE app_message (
    message_id      CHAR(36)      NOT NULL,
    mentee_id       CHAR(36)      NOT NULL,
    mentor_id       CHAR(36)      NOT NULL,
    sender_id       CHAR(36)      NOT NULL,
    body_enc        VARBINARY(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_message_pk PRIMARY KEY (message_id)
);

CREATE INDEX app_message_mentee_ix ON app_message (mentee_id, created_at);
CREATE INDEX app_message_mentor_ix ON app_message (mentor_id, created_at);
