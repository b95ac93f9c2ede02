-- (MariaDB; the same schema as H2 and PostgreSQL.) Courses (the operator starts one for a group of mentees) and employments (the operator links an
-- employee to an employer, who then sees professionalism assessments only, R8).

CREATE TABLE app_course (
    course_id       CHAR(36)      NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (course_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE app_course_member (
    course_id       CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    PRIMARY KEY (course_id, account_id),
    CONSTRAINT app_course_member_course_fk FOREIGN KEY (course_id) REFERENCES app_course (course_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE app_employment (
    employee_id     CHAR(36)      NOT NULL,
    employer_id     CHAR(36)      NOT NULL,
    since           DATETIME(6) NOT NULL,
    PRIMARY KEY (employee_id, employer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX app_employment_employer_ix ON app_employment (employer_id);
