-- Hoheit consent, schema version 1, for MariaDB (the h2 and postgresql folders hold the same schema).
-- Kept to SQL that MySQL 8 accepts too. Instants are DATETIME(6) in UTC (there is no TIMESTAMP WITH
-- TIME ZONE); text compares byte by byte (utf8mb4_bin), as on the other databases, whatever the
-- database's default collation is. Decisions and grant events are append-only: the library never
-- updates or deletes them, except when a subject is erased (GDPR Art. 17).

CREATE TABLE consent_purpose (
    purpose_id       VARCHAR(100)  NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    description      VARCHAR(4000) NOT NULL,
    legal_basis      VARCHAR(32)   NOT NULL,
    required         BOOLEAN       NOT NULL,
    roles            VARCHAR(1000) NOT NULL,
    data_categories  VARCHAR(1000) NOT NULL,
    third_parties    VARCHAR(1000) NOT NULL,
    defined_at       DATETIME(6)   NOT NULL,
    CONSTRAINT consent_purpose_pk PRIMARY KEY (purpose_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE consent_notice (
    purpose_id       VARCHAR(100)  NOT NULL,
    version          INTEGER       NOT NULL,
    language         VARCHAR(35)   NOT NULL,
    notice_text      MEDIUMTEXT,
    sha256           CHAR(64)      NOT NULL,
    url              VARCHAR(2000),
    effective_from   DATETIME(6)   NOT NULL,
    published_at     DATETIME(6)   NOT NULL,
    CONSTRAINT consent_notice_pk PRIMARY KEY (purpose_id, version, language),
    CONSTRAINT consent_notice_purpose_fk FOREIGN KEY (purpose_id) REFERENCES consent_purpose (purpose_id),
    CONSTRAINT consent_notice_version_ck CHECK (version > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per subject: locked while a decision is appended, so a subject's decisions get a gap-free
-- sequence in commit order and concurrent decisions can never overwrite each other.
CREATE TABLE consent_subject (
    subject_id       VARCHAR(200)  NOT NULL,
    last_seq         BIGINT        NOT NULL,
    CONSTRAINT consent_subject_pk PRIMARY KEY (subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE consent_decision (
    decision_id      CHAR(36)      NOT NULL,
    subject_id       VARCHAR(200)  NOT NULL,
    subject_seq      BIGINT        NOT NULL,
    purpose_id       VARCHAR(100)  NOT NULL,
    notice_version   INTEGER       NOT NULL,
    notice_language  VARCHAR(35)   NOT NULL,
    choice           VARCHAR(16)   NOT NULL,
    method           VARCHAR(64)   NOT NULL,
    subject_role     VARCHAR(64)   NOT NULL,
    decided_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6),
    channel          VARCHAR(64),
    user_agent       VARCHAR(512),
    CONSTRAINT consent_decision_pk PRIMARY KEY (decision_id),
    CONSTRAINT consent_decision_seq_uk UNIQUE (subject_id, subject_seq),
    CONSTRAINT consent_decision_notice_fk FOREIGN KEY (purpose_id, notice_version, notice_language)
        REFERENCES consent_notice (purpose_id, version, language),
    CONSTRAINT consent_decision_choice_ck CHECK (choice IN ('GRANTED', 'REFUSED', 'WITHDRAWN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX consent_decision_purpose_ix ON consent_decision (purpose_id, subject_id, subject_seq);

CREATE TABLE consent_grant (
    grant_id         CHAR(36)      NOT NULL,
    subject_id       VARCHAR(200)  NOT NULL,
    grantee_id       VARCHAR(200)  NOT NULL,
    grantee_role     VARCHAR(64)   NOT NULL,
    origin           VARCHAR(32)   NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6),
    CONSTRAINT consent_grant_pk PRIMARY KEY (grant_id),
    CONSTRAINT consent_grant_origin_ck CHECK (origin IN ('SELF', 'ASSIGNED_BY_OPERATOR', 'REQUESTED_BY_GRANTEE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX consent_grant_subject_ix ON consent_grant (subject_id);
CREATE INDEX consent_grant_grantee_ix ON consent_grant (grantee_id, subject_id);

CREATE TABLE consent_grant_scope (
    grant_id         CHAR(36)      NOT NULL,
    scope            VARCHAR(64)   NOT NULL,
    CONSTRAINT consent_grant_scope_pk PRIMARY KEY (grant_id, scope),
    CONSTRAINT consent_grant_scope_grant_fk FOREIGN KEY (grant_id) REFERENCES consent_grant (grant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE consent_grant_event (
    event_id         BIGINT        NOT NULL AUTO_INCREMENT,
    grant_id         CHAR(36)      NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    actor_id         VARCHAR(200)  NOT NULL,
    occurred_at      DATETIME(6)   NOT NULL,
    reason           VARCHAR(500),
    CONSTRAINT consent_grant_event_pk PRIMARY KEY (event_id),
    CONSTRAINT consent_grant_event_grant_fk FOREIGN KEY (grant_id) REFERENCES consent_grant (grant_id),
    CONSTRAINT consent_grant_event_status_ck CHECK (status IN ('PENDING', 'ACTIVE', 'DECLINED', 'REVOKED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX consent_grant_event_grant_ix ON consent_grant_event (grant_id, event_id);
