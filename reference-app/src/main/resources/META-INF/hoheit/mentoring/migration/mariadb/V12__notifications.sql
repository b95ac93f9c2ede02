-- In-app notifications (R21) and their optional e-mail copies. What happened is stored encrypted under
-- the recipient's key (it may name another person); the e-mail itself never carries it. email_state is
-- the outbox of the mailer: NONE (no e-mail), PENDING, SENDING (claimed by an instance), SENT, FAILED.
CREATE TABLE app_notification (
    notification_id CHAR(36)      NOT NULL,
    seq             BIGINT        NOT NULL AUTO_INCREMENT,
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    event_enc       VARBINARY(4000) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    in_app          BOOLEAN       NOT NULL,
    read_at         DATETIME(6),
    email_state     VARCHAR(8)    NOT NULL,
    email_attempts  INTEGER       NOT NULL,
    email_claimed_at DATETIME(6),
    PRIMARY KEY (notification_id),
    CONSTRAINT app_notification_seq_uk UNIQUE (seq),
    CONSTRAINT app_notification_kind_ck CHECK (kind IN ('MESSAGES', 'MENTORING', 'SERVICE')),
    CONSTRAINT app_notification_email_ck CHECK (email_state IN ('NONE', 'PENDING', 'SENDING', 'SENT', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_notification_account_ix ON app_notification (account_id, in_app, seq);
CREATE INDEX app_notification_email_ix ON app_notification (email_state, seq);

-- Each person's choice per kind; no row means the default of that kind. SERVICE has no in-app switch.
CREATE TABLE app_notification_setting (
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    in_app          BOOLEAN       NOT NULL,
    email           BOOLEAN       NOT NULL,
    PRIMARY KEY (account_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
