-- (MariaDB; the same schema as H2 and PostgreSQL.) A course remembers the mentor the operator assigned when starting it
-- (and in which scope), so the operator's course list can show it. The mentor's id is personal data:
-- the courses store erases it.

ALTER TABLE app_course ADD COLUMN mentor_id CHAR(36);
ALTER TABLE app_course ADD COLUMN mentor_scope VARCHAR(40);
