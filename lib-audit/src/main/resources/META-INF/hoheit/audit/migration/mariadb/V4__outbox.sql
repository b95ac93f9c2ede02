-- Hoheit audit, schema version 4 (MariaDB): appends go to an outbox in the caller's transaction;
-- one integrator, elected with a session lock (GET_LOCK), moves committed rows into the tree (see
-- Integrator and the H2 script for the design). SQL that MySQL 8 accepts too.
--
-- The payload may reach 65,536 bytes (the H2 script's limit), one more than a BLOB holds.
CREATE TABLE audit_outbox (
    id             BIGINT          NOT NULL AUTO_INCREMENT,
    written_at     DATETIME(6)     NOT NULL,
    payload        MEDIUMBLOB      NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE audit_entry ADD COLUMN outbox_id BIGINT;

-- Not used on MariaDB (the session lock elects); kept so every database has the same tables.
CREATE TABLE audit_integrator_lease (
    id             INTEGER         NOT NULL,
    holder         VARCHAR(100),
    expires_at     DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT audit_integrator_lease_one_ck CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO audit_integrator_lease (id, holder, expires_at)
VALUES (1, NULL, '1970-01-01 00:00:00.000000');
