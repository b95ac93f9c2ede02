-- Privacy requests from a person to the operator: an objection (GDPR Art. 21), a question or a
-- complaint, with the deadline of Art. 12(3): one month from receipt, extendable once by two further
-- months with reasons told to the person. Texts are encrypted under the person's key (R31).
CREATE TABLE app_privacy_request (
    request_id      CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(12)   NOT NULL,
    text_enc        BLOB NOT NULL,
    received_at     DATETIME(6) NOT NULL,
    due_at          DATETIME(6) NOT NULL,
    extension_enc   BLOB,
    answer_enc      BLOB,
    answered_at     DATETIME(6),
    PRIMARY KEY (request_id),
    CONSTRAINT app_privacy_request_kind_ck CHECK (kind IN ('OBJECTION', 'QUESTION', 'COMPLAINT')),
    CONSTRAINT app_privacy_request_answer_ck CHECK ((answer_enc IS NULL) = (answered_at IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_privacy_request_account_ix ON app_privacy_request (account_id, received_at);
CREATE INDEX app_privacy_request_due_ix ON app_privacy_request (due_at);
