-- The host's own schema, migrated by Spring Boot's Flyway before the Hoheit libraries migrate theirs.
CREATE TABLE app_user (
    id         VARCHAR(64)  PRIMARY KEY,
    email      VARCHAR(320) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user_role (
    user_id VARCHAR(64) NOT NULL REFERENCES app_user (id),
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role)
);
