-- Registrations per client address and hour, shared by every instance (each registration costs an
-- Argon2id hash). The key is an HMAC tag of the address under a key derived from the master key: the
-- address itself is not stored. A row is deleted once its window has been over for an hour.
CREATE TABLE app_registration_throttle (
    throttle_key    CHAR(64)      NOT NULL,
    window_start    DATETIME(6) NOT NULL,
    attempts        INTEGER       NOT NULL,
    PRIMARY KEY (throttle_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_registration_throttle_window_ix ON app_registration_throttle (window_start);
