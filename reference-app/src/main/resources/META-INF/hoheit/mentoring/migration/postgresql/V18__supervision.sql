-- Supervision (R26): a mentor discusses a mentee's planning with a supervisor, pseudonymised. A case
-- names the mentee by nothing but a random label; what it shows of her planning (relative weeks,
-- durations, plan structure) and every text in it are encrypted under the mentee's key, so erasing her
-- makes them unreadable with everything else. A case is deleted with the mentor's grant, a restriction
-- or an erasure, and 12 months after it was closed (the objection of the mentee closes it).
CREATE TABLE app_supervision_case (
    case_id         CHAR(36)      NOT NULL,
    label           VARCHAR(16)   NOT NULL,
    mentee_id       CHAR(36)      NOT NULL,
    mentor_id       CHAR(36)      NOT NULL,
    supervisor_id   CHAR(36)      NOT NULL,
    grant_id        CHAR(36)      NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    snapshot_enc    BYTEA,
    question_enc    BYTEA NOT NULL,
    notes_enc       BYTEA,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    close_reason    VARCHAR(32),
    CONSTRAINT app_supervision_case_pk PRIMARY KEY (case_id),
    CONSTRAINT app_supervision_case_label_uq UNIQUE (label),
    CONSTRAINT app_supervision_case_status_ck CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT app_supervision_case_closed_ck CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);

CREATE INDEX app_supervision_case_mentee_ix ON app_supervision_case (mentee_id);
CREATE INDEX app_supervision_case_mentor_ix ON app_supervision_case (mentor_id, opened_at);
CREATE INDEX app_supervision_case_supervisor_ix ON app_supervision_case (supervisor_id, opened_at);
CREATE INDEX app_supervision_case_closed_ix ON app_supervision_case (closed_at);

-- The exchange in a case: the mentor's follow-ups and the supervisor's answers, in order.
CREATE TABLE app_supervision_message (
    message_id      CHAR(36)      NOT NULL,
    case_id         CHAR(36)      NOT NULL,
    author          VARCHAR(12)   NOT NULL,
    author_id       CHAR(36)      NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    text_enc        BYTEA NOT NULL,
    CONSTRAINT app_supervision_message_pk PRIMARY KEY (message_id),
    CONSTRAINT app_supervision_message_case_fk FOREIGN KEY (case_id) REFERENCES app_supervision_case (case_id) ON DELETE CASCADE,
    CONSTRAINT app_supervision_message_author_ck CHECK (author IN ('MENTOR', 'SUPERVISOR'))
);

CREATE INDEX app_supervision_message_case_ix ON app_supervision_message (case_id, written_at);
