-- Hoheit retention, schema version 1. Portable SQL for H2 and PostgreSQL.

-- One row per run of the retention runner; its steps say what each store did.
CREATE TABLE retention_run (
    run_id          CHAR(36)      NOT NULL,
    trigger_kind    VARCHAR(16)   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    outcome         VARCHAR(16)   NOT NULL,
    CONSTRAINT retention_run_pk PRIMARY KEY (run_id),
    CONSTRAINT retention_run_outcome_ck CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'RESUMED'))
);

CREATE INDEX retention_run_started_ix ON retention_run (started_at);

CREATE TABLE retention_step (
    run_id          CHAR(36)      NOT NULL,
    category        VARCHAR(100)  NOT NULL,
    store_name      VARCHAR(100)  NOT NULL,
    action          VARCHAR(16)   NOT NULL,
    cutoff          TIMESTAMP WITH TIME ZONE NOT NULL,
    affected        BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    error           VARCHAR(500),
    finished_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT retention_step_pk PRIMARY KEY (run_id, category, store_name),
    CONSTRAINT retention_step_run_fk FOREIGN KEY (run_id) REFERENCES retention_run (run_id),
    CONSTRAINT retention_step_status_ck CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'HELD'))
);

-- The runner's own schedule, so an auditor can check that every scheduled run happened.
CREATE TABLE retention_schedule (
    schedule_id     CHAR(36)      NOT NULL,
    interval_secs   BIGINT        NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT retention_schedule_pk PRIMARY KEY (schedule_id)
);

-- Erasure requests. The subject id is kept only until every store has erased the person; the
-- receipt (stores and counts) stays, without personal data.
CREATE TABLE retention_erasure (
    erasure_id      CHAR(36)      NOT NULL,
    subject_id      VARCHAR(200),
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by    VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    results         VARCHAR(8000) NOT NULL,
    CONSTRAINT retention_erasure_pk PRIMARY KEY (erasure_id),
    CONSTRAINT retention_erasure_status_ck CHECK (status IN ('COMPLETE', 'INCOMPLETE')),
    CONSTRAINT retention_erasure_subject_ck CHECK (status = 'INCOMPLETE' OR subject_id IS NULL)
);

CREATE INDEX retention_erasure_subject_ix ON retention_erasure (subject_id);

-- Restriction of processing (GDPR Art. 18).
CREATE TABLE retention_restriction (
    subject_id      VARCHAR(200)  NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retention_restriction_pk PRIMARY KEY (subject_id)
);

-- Legal holds suspend retention (and erasure) for named subjects, or for everyone.
CREATE TABLE retention_hold (
    hold_id         CHAR(36)      NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT retention_hold_pk PRIMARY KEY (hold_id)
);

CREATE TABLE retention_hold_subject (
    hold_id         CHAR(36)      NOT NULL,
    subject_id      VARCHAR(200)  NOT NULL,
    CONSTRAINT retention_hold_subject_pk PRIMARY KEY (hold_id, subject_id),
    CONSTRAINT retention_hold_subject_fk FOREIGN KEY (hold_id) REFERENCES retention_hold (hold_id)
);

-- One row, locked (NOWAIT) for the length of a run: one runner at a time across instances.
CREATE TABLE retention_lock (
    id              INTEGER       NOT NULL,
    CONSTRAINT retention_lock_pk PRIMARY KEY (id)
);

INSERT INTO retention_lock (id) VALUES (1);
