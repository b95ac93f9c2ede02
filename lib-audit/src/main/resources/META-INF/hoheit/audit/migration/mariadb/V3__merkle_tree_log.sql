-- Hoheit audit, schema version 3 (MariaDB): the log becomes an RFC 6962 Merkle tree stored as C2SP
-- tlog-tiles; the shapes of the H2 and PostgreSQL scripts, in SQL that MySQL 8 accepts too.
--
-- The hash chain of version 1 is kept as it was, renamed to audit_v1_*. The other scripts also rename
-- the primary key constraint of audit_checkpoint; MariaDB (and MySQL) name every primary key PRIMARY,
-- so there is nothing to rename here (and the keys below are unnamed).

ALTER TABLE audit_event RENAME TO audit_v1_event;
ALTER TABLE audit_head RENAME TO audit_v1_head;
ALTER TABLE audit_checkpoint RENAME TO audit_v1_checkpoint;
ALTER TABLE audit_subject_key RENAME TO audit_v1_subject_key;

-- One entry per leaf: leaf index = seq - 1. The leaf hash covers every column (see EntryCodec),
-- so destroying a key (erasure, anonymisation) never changes the tree.
--
-- Partitioned by month of recorded_at (UTC), so a purge drops whole months (ALTER TABLE ... DROP
-- PARTITION). Partition audit_entry_p202611 holds what is recorded before December 2026 and after the
-- partition below it; audit_entry_pmax holds what no month's partition holds yet. The library splits
-- a month off audit_entry_pmax (REORGANIZE PARTITION) before it writes the month's first entry (see
-- Partitions), so audit_entry_pmax stays empty and the split copies nothing.
CREATE TABLE audit_entry (
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
    PRIMARY KEY (seq, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin
PARTITION BY RANGE COLUMNS (recorded_at) (
    PARTITION audit_entry_pmax VALUES LESS THAN (MAXVALUE)
);

CREATE INDEX audit_entry_subject_ix ON audit_entry (subject_tag, seq);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor_tag, seq);
CREATE INDEX audit_entry_time_ix ON audit_entry (recorded_at);

-- The tree's head: one row, locked by every append so instances never fork the tree.
-- tree_size: entries appended; min_index: entries below it were purged (C2SP tlog-tiles pruning).
CREATE TABLE audit_tree_head (
    id             INTEGER         NOT NULL,
    tree_size      BIGINT          NOT NULL,
    recorded_at    DATETIME(6)     NOT NULL,
    min_index      BIGINT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT audit_tree_head_one_ck CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO audit_tree_head (id, tree_size, recorded_at, min_index)
VALUES (1, 0, '1970-01-01 00:00:00.000000', 0);

-- C2SP tlog-tiles: the hashes of tile tile_index at tile_level, tile_width of them (256 = full).
-- A partial tile grows in place; it serves every narrower partial tile of an earlier tree size.
CREATE TABLE audit_tile (
    tile_level     INTEGER         NOT NULL,
    tile_index     BIGINT          NOT NULL,
    tile_width     INTEGER         NOT NULL,
    hashes         VARBINARY(8192) NOT NULL,
    PRIMARY KEY (tile_level, tile_index),
    CONSTRAINT audit_tile_width_ck CHECK (tile_width BETWEEN 1 AND 256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Signed checkpoints (C2SP tlog-checkpoint as a signed note), each with the consistency proof
-- from the checkpoint before it, so every earlier checkpoint stays checkable after a purge.
CREATE TABLE audit_checkpoint (
    tree_size      BIGINT          NOT NULL,
    root_hash      VARBINARY(32)   NOT NULL,
    note           VARCHAR(4000)   NOT NULL,
    head_time      DATETIME(6)     NOT NULL,
    sealed_at      DATETIME(6)     NOT NULL,
    previous_size  BIGINT          NOT NULL,
    previous_proof VARBINARY(4096) NOT NULL,
    PRIMARY KEY (tree_size)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Witnesses' cosignatures (C2SP tlog-cosignature) of the checkpoints, one signature line each.
CREATE TABLE audit_cosignature (
    tree_size      BIGINT          NOT NULL,
    witness        VARCHAR(200)    NOT NULL,
    key_id         INTEGER         NOT NULL,
    signed_at      DATETIME(6)     NOT NULL,
    signature_line VARCHAR(1000)   NOT NULL,
    PRIMARY KEY (tree_size, witness, key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per-person keys, wrapped by the master key, found by id_tag = HMAC(lookup key, person id).
-- tag is what the person's entries carry (HMAC of the person's own key): once the row is deleted
-- (erasure), nothing links the entries to the person.
CREATE TABLE audit_person_key (
    id_tag         VARCHAR(43)     NOT NULL,
    tag            VARCHAR(43)     NOT NULL,
    wrapped_key    VARBINARY(128)  NOT NULL,
    created_at     DATETIME(6)     NOT NULL,
    PRIMARY KEY (id_tag),
    CONSTRAINT audit_person_key_tag_uk UNIQUE (tag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
