-- Resourcing: people and capacity. Employees (one per user), their effective-dated cost rates,
-- a skills taxonomy with employee skill levels, certifications, public holiday calendars per
-- country, leave, resource requests from opportunities (soft) as well as from projects (hard,
-- created by the handover in 0007), and assignments of people to projects.
-- Hours and rates are numeric; working days are Monday to Friday, a day's capacity is the
-- weekly capacity / 5.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Skills taxonomy. Codes are stable identifiers; names are what people read.
CREATE TABLE skills (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    category   text NOT NULL CHECK (length(category) BETWEEN 1 AND 100),
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);

INSERT INTO skills (code, name, category) VALUES
    ('AWS', 'AWS', 'Cloud'),
    ('AZURE', 'Azure', 'Cloud'),
    ('GCP', 'GCP', 'Cloud'),
    ('TERRAFORM', 'Terraform', 'Cloud'),
    ('KUBERNETES', 'Kubernetes', 'Cloud'),
    ('LINUX', 'Linux', 'Cloud'),
    ('SRE', 'SRE', 'Cloud'),
    ('GITOPS', 'GitOps', 'Cloud'),
    ('DATABRICKS', 'Databricks', 'Data'),
    ('SNOWFLAKE', 'Snowflake', 'Data'),
    ('DBT', 'dbt', 'Data'),
    ('PYTHON', 'Python', 'Data'),
    ('SQL', 'SQL', 'Data'),
    ('POWER_BI', 'Power BI', 'Data'),
    ('LLM', 'LLM', 'AI'),
    ('MLOPS', 'MLOps', 'AI'),
    ('JAVA', 'Java', 'Engineering'),
    ('DOTNET', '.NET', 'Engineering'),
    ('SPRING', 'Spring', 'Engineering'),
    ('REACT', 'React', 'Engineering'),
    ('TYPESCRIPT', 'TypeScript', 'Engineering'),
    ('ITIL', 'ITIL', 'Delivery'),
    ('SCRUM', 'Scrum', 'Delivery'),
    ('PROJECT_MANAGEMENT', 'Project management', 'Delivery');

-- One row per person, linked to the user who signs in. country is where the person works
-- (holiday calendar); bill_rate is the standard hourly bill rate in bill_rate_currency.
CREATE TABLE employees (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id                bigint NOT NULL UNIQUE REFERENCES users (id),
    legal_entity_id        bigint NOT NULL REFERENCES legal_entities (id),
    country                char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    city                   text CHECK (city IS NULL OR length(city) BETWEEN 1 AND 100),
    practice_id            bigint REFERENCES practices (id),
    job_role_id            bigint NOT NULL REFERENCES job_roles (id),
    grade                  text CHECK (grade IS NULL OR length(grade) BETWEEN 1 AND 20),
    manager_id             bigint REFERENCES employees (id),
    weekly_capacity_hours  numeric(6, 2) NOT NULL DEFAULT 40
                           CHECK (weekly_capacity_hours >= 0 AND weekly_capacity_hours <= 80),
    utilisation_target_pct numeric(5, 2) NOT NULL DEFAULT 80
                           CHECK (utilisation_target_pct BETWEEN 0 AND 100),
    bill_rate              numeric(20, 6) CHECK (bill_rate IS NULL OR bill_rate >= 0),
    bill_rate_currency     char(3) CHECK (bill_rate_currency IS NULL OR bill_rate_currency ~ '^[A-Z]{3}$'),
    active                 boolean NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    version                integer NOT NULL DEFAULT 1,
    CHECK ((bill_rate IS NULL) = (bill_rate_currency IS NULL)),
    CHECK (manager_id IS NULL OR manager_id <> id)
);
CREATE INDEX employees_entity_idx ON employees (legal_entity_id);
CREATE INDEX employees_practice_idx ON employees (practice_id);
CREATE INDEX employees_role_idx ON employees (job_role_id);
CREATE INDEX employees_manager_idx ON employees (manager_id);

-- Hourly cost of a person, effective-dated (valid_to inclusive, NULL = open-ended); the
-- periods of one employee never overlap.
CREATE TABLE employee_cost_rates (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employee_id bigint NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    hourly_cost numeric(20, 6) NOT NULL CHECK (hourly_cost >= 0),
    valid_from  date NOT NULL,
    valid_to    date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1,
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT employee_cost_rates_no_overlap EXCLUDE USING gist (
        employee_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE TABLE employee_skills (
    employee_id bigint NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    skill_id    bigint NOT NULL REFERENCES skills (id),
    level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1,
    PRIMARY KEY (employee_id, skill_id)
);
CREATE INDEX employee_skills_skill_idx ON employee_skills (skill_id, level);

CREATE TABLE employee_certifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employee_id bigint NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    issuer      text CHECK (issuer IS NULL OR length(issuer) BETWEEN 1 AND 200),
    skill_id    bigint REFERENCES skills (id),
    issued_on   date NOT NULL,
    expires_on  date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1,
    CHECK (expires_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX employee_certifications_employee_idx ON employee_certifications (employee_id);

-- Public holidays per country.
CREATE TABLE holidays (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country    char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    date       date NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1,
    UNIQUE (country, date)
);

-- Leave: a date range, either full days (hours_per_day NULL) or some hours per working day.
-- Only approved leave reduces capacity.
CREATE TABLE employee_leave (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employee_id   bigint NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    start_date    date NOT NULL,
    end_date      date NOT NULL CHECK (end_date >= start_date),
    hours_per_day numeric(5, 2) CHECK (hours_per_day IS NULL OR (hours_per_day > 0 AND hours_per_day <= 24)),
    leave_type    text NOT NULL DEFAULT 'vacation'
                  CHECK (leave_type IN ('vacation', 'sick', 'parental', 'training', 'unpaid', 'other')),
    status        text NOT NULL DEFAULT 'requested'
                  CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled')),
    note          text CHECK (note IS NULL OR length(note) <= 2000),
    created_by    bigint REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1
);
CREATE INDEX employee_leave_employee_idx ON employee_leave (employee_id, start_date);

-- Resource requests (0007: hard, from a project's handover) also come from opportunities
-- (soft, weighted by the opportunity's probability at the time of the request), with a
-- location constraint and required skills from the taxonomy with a minimum level.
ALTER TABLE resource_requests
    ADD COLUMN opportunity_id bigint REFERENCES opportunities (id) ON DELETE CASCADE,
    ADD COLUMN probability numeric(5, 2) NOT NULL DEFAULT 100 CHECK (probability BETWEEN 0 AND 100),
    ADD COLUMN location_country char(2) CHECK (location_country IS NULL OR location_country ~ '^[A-Z]{2}$'),
    ADD COLUMN location_city text CHECK (location_city IS NULL OR length(location_city) BETWEEN 1 AND 100),
    ADD COLUMN note text CHECK (note IS NULL OR length(note) <= 2000),
    ADD COLUMN created_by bigint REFERENCES users (id),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT resource_requests_source CHECK (project_id IS NOT NULL OR opportunity_id IS NOT NULL);
CREATE INDEX resource_requests_opportunity_idx ON resource_requests (opportunity_id);
CREATE INDEX resource_requests_open_idx ON resource_requests (status, start_date);

CREATE TABLE resource_request_skills (
    request_id bigint NOT NULL REFERENCES resource_requests (id) ON DELETE CASCADE,
    skill_id   bigint NOT NULL REFERENCES skills (id),
    min_level  smallint NOT NULL DEFAULT 1 CHECK (min_level BETWEEN 1 AND 5),
    PRIMARY KEY (request_id, skill_id)
);

-- Assignments: a person on a project (optionally a task, or an opportunity for soft
-- bookings before a project exists) for a date range at hours per week. Hours in a week are
-- hours_per_week × (working days of the week inside the range) / 5. probability weights soft
-- assignments (100 for hard). overallocated records that a resource manager confirmed it.
CREATE TABLE assignments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employee_id     bigint NOT NULL REFERENCES employees (id),
    project_id      bigint REFERENCES projects (id) ON DELETE CASCADE,
    opportunity_id  bigint REFERENCES opportunities (id) ON DELETE CASCADE,
    task_id         bigint REFERENCES project_tasks (id) ON DELETE SET NULL,
    request_id      bigint REFERENCES resource_requests (id) ON DELETE SET NULL,
    start_date      date NOT NULL,
    end_date        date NOT NULL CHECK (end_date >= start_date),
    hours_per_week  numeric(6, 2) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 80),
    kind            text NOT NULL CHECK (kind IN ('soft', 'hard')),
    probability     numeric(5, 2) NOT NULL DEFAULT 100 CHECK (probability BETWEEN 0 AND 100),
    overallocated   boolean NOT NULL DEFAULT false,
    confirmed_by    bigint REFERENCES users (id),
    created_by      bigint REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1,
    CHECK (project_id IS NOT NULL OR opportunity_id IS NOT NULL),
    CHECK (kind = 'soft' OR project_id IS NOT NULL)
);
CREATE INDEX assignments_employee_idx ON assignments (employee_id, start_date, end_date);
CREATE INDEX assignments_project_idx ON assignments (project_id);
CREATE INDEX assignments_request_idx ON assignments (request_id);
CREATE INDEX assignments_range_idx ON assignments (start_date, end_date);

-- Available hours per employee and ISO week (weeks starting on the Monday of p_from's week):
-- weekly capacity / 5 per working day, 0 on a public holiday of the employee's country or a
-- full day of approved leave, less the hours of partial-day approved leave (never below 0).
-- Set-based; callers join it with employees/assignments and filter.
CREATE FUNCTION employee_week_capacity(p_from date, p_weeks integer)
RETURNS TABLE (employee_id bigint, week_start date, capacity_hours numeric)
LANGUAGE sql STABLE AS $$
    WITH days AS (
        SELECT d::date AS day, date_trunc('week', d)::date AS week_start
        FROM generate_series(date_trunc('week', p_from)::date,
                             date_trunc('week', p_from)::date + 7 * p_weeks - 1,
                             interval '1 day') AS d
        WHERE extract(isodow FROM d) < 6),
    leave_days AS (
        SELECT l.employee_id, d.day, bool_or(l.hours_per_day IS NULL) AS full_day,
               coalesce(sum(l.hours_per_day), 0) AS hours
        FROM employee_leave l
        JOIN days d ON d.day BETWEEN l.start_date AND l.end_date
        WHERE l.status = 'approved'
        GROUP BY l.employee_id, d.day)
    SELECT e.id, d.week_start,
           round(sum(CASE WHEN h.id IS NOT NULL OR ld.full_day THEN 0
                          ELSE greatest(0, e.weekly_capacity_hours / 5 - coalesce(ld.hours, 0))
                     END), 2)
    FROM employees e
    CROSS JOIN days d
    LEFT JOIN holidays h ON h.country = e.country AND h.date = d.day
    LEFT JOIN leave_days ld ON ld.employee_id = e.id AND ld.day = d.day
    GROUP BY e.id, d.week_start
$$;

-- Requests created with skill names only (the handover copies the opportunity's required
-- skills as text) get those skills from the taxonomy, by code or name, at minimum level 1.
CREATE FUNCTION resource_request_skills_from_names() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_request_skills (request_id, skill_id, min_level)
    SELECT DISTINCT NEW.id, s.id, 1
    FROM unnest(NEW.skills) AS n
    JOIN skills s ON s.code = upper(n) OR lower(s.name) = lower(n)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER resource_requests_skills_from_names AFTER INSERT ON resource_requests
    FOR EACH ROW WHEN (cardinality(NEW.skills) > 0)
    EXECUTE FUNCTION resource_request_skills_from_names();
