-- Courses (the operator starts one for a group of mentees) and employments (the operator links an
-- employee to an employer, who then sees professionalism assessments only, R8).

CREATE TABLE app_course (
    course_id       CHAR(36)      NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_course_pk PRIMARY KEY (course_id)
);

CREATE TABLE app_course_member (
    course_id       CHAR(36)      NOT NULL,
    account_id      CHAR(36)      NOT NULL,
    CONSTRAINT app_course_member_pk PRIMARY KEY (course_id, account_id),
    CONSTRAINT app_course_member_course_fk FOREIGN KEY (course_id) REFERENCES app_course (course_id)
);

CREATE TABLE app_employment (
    employee_id     CHAR(36)      NOT NULL,
    employer_id     CHAR(36)      NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_employment_pk PRIMARY KEY (employee_id, employer_id)
);

CREATE INDEX app_employment_employer_ix ON app_employment (employer_id);
