-- (MariaDB; the same schema as H2 and PostgreSQL.)
-- Failed sign-ins, shared by every instance (so an attacker gains nothing by spreading guesses).
-- The key is an HMAC tag of a nickname or a client address under a key derived from the master
-- key: neither is stored. A row is deleted once its block has been over for 15 minutes.
CREATE TABLE app_login_throttle (
    throttle_key    CHAR(64)      NOT NULL,
    failures        INTEGER       NOT NULL,
    blocked_until   DATETIME(6) NOT NULL,
    PRIMARY KEY (throttle_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_login_throttle_until_ix ON app_login_throttle (blocked_until);
