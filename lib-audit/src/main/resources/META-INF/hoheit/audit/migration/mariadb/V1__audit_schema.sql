-- Hoheit audit, schema version 1 (MariaDB): the shapes of the H2 and PostgreSQL scripts. Kept to SQL
-- that MySQL 8 accepts too. Instants are DATETIME(6) in UTC (there is no TIMESTAMP WITH TIME ZONE);
-- bytes are VARBINARY, of the H2 script's sizes; text compares byte by byte (utf8mb4_bin), as on the
-- other databases, whatever the database's default collation is: tags are case-sensitive base64url.
-- Primary keys are unnamed: MariaDB and MySQL name every primary key PRIMARY (and warn about a name).
--
-- No library version ever wrote this event table on MariaDB (version 3 renames it to audit_v1_event
-- and writes to audit_entry), so unlike PostgreSQL's it is not partitioned: it stays empty.
--
-- Personal fields are stored only encrypted (AES-256-GCM): ids, resource id and details under a
-- per-person key (audit_subject_key), client data under a per-day key (audit_client_key). The hash
-- chain covers the stored bytes, so destroying a key (erasure, anonymisation) never breaks it.

CREATE TABLE audit_event (
    seq            BIGINT          NOT NULL,
    recorded_at    DATETIME(6)     NOT NULL,
    actor_tag      VARCHAR(43),
    actor_role     VARCHAR(64)     NOT NULL,
    actor_enc      VARBINARY(1024),
    subject_tag    VARCHAR(43),
    subject_enc    VARBINARY(1024),
    action         VARCHAR(32)     NOT NULL,
    resource_type  VARCHAR(64)     NOT NULL,
    resource_enc   VARBINARY(1024),
    purpose        VARCHAR(200),
    outcome        VARCHAR(16)     NOT NULL,
    details        VARBINARY(16384),
    client_day     INTEGER,
    client_enc     VARBINARY(2048),
    prev_hash      VARBINARY(32)   NOT NULL,
    hash           VARBINARY(32)   NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX audit_event_subject_ix ON audit_event (subject_tag, seq);
CREATE INDEX audit_event_actor_ix ON audit_event (actor_tag, seq);
CREATE INDEX audit_event_time_ix ON audit_event (recorded_at);

-- The head of the chain: one row, locked by every append so instances never fork the chain.
CREATE TABLE audit_head (
    id             INTEGER         NOT NULL,
    seq            BIGINT          NOT NULL,
    hash           VARBINARY(32)   NOT NULL,
    recorded_at    DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT audit_head_one_ck CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The empty chain: position 0, the all-zero genesis hash.
INSERT INTO audit_head (id, seq, hash, recorded_at)
VALUES (1, 0, X'0000000000000000000000000000000000000000000000000000000000000000', '1970-01-01 00:00:00.000000');

CREATE TABLE audit_checkpoint (
    seq            BIGINT          NOT NULL,
    head_hash      VARBINARY(32)   NOT NULL,
    head_time      DATETIME(6)     NOT NULL,
    sealed_at      DATETIME(6)     NOT NULL,
    key_id         VARCHAR(64)     NOT NULL,
    signature      VARBINARY(64)   NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per-person keys, wrapped by the master key. Erasure deletes the row.
CREATE TABLE audit_subject_key (
    subject_id     VARCHAR(200)    NOT NULL,
    tag            VARCHAR(43)     NOT NULL,
    wrapped_key    VARBINARY(128)  NOT NULL,
    created_at     DATETIME(6)     NOT NULL,
    PRIMARY KEY (subject_id),
    CONSTRAINT audit_subject_key_tag_uk UNIQUE (tag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per-day keys for client data (IP address, user agent). Anonymisation deletes old rows (R28).
CREATE TABLE audit_client_key (
    epoch_day      INTEGER         NOT NULL,
    wrapped_key    VARBINARY(128)  NOT NULL,
    created_at     DATETIME(6)     NOT NULL,
    PRIMARY KEY (epoch_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
