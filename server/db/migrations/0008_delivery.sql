-- Delivery: projects created by hand (from an offering's template or blank), the project's
-- lifecycle, work breakdown status and estimates to complete, milestone acceptance, change
-- requests with their approval by size, and monthly status reports.

ALTER TABLE projects
    ADD COLUMN offering_id bigint REFERENCES offerings (id),
    -- Sum of the approved change requests' delta values (the contract itself is amended by
    -- crm's change orders; delivery records what its change requests added).
    ADD COLUMN approved_change_value numeric(20, 4) NOT NULL DEFAULT 0,
    ADD COLUMN created_by bigint REFERENCES users (id);
CREATE INDEX projects_manager_idx ON projects (project_manager_id, id);

ALTER TABLE project_phases
    ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    ADD CONSTRAINT project_phases_dates CHECK (end_date IS NULL OR start_date IS NULL
                                               OR end_date >= start_date);

-- Actuals come from approved time once the time context exists; until then they stay 0.
-- The estimate to complete is entered by the project manager.
ALTER TABLE project_tasks
    ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    ADD COLUMN actual_hours numeric(14, 2) NOT NULL DEFAULT 0 CHECK (actual_hours >= 0),
    ADD COLUMN actual_cost numeric(20, 4) NOT NULL DEFAULT 0 CHECK (actual_cost >= 0),
    ADD COLUMN etc_hours numeric(14, 2) NOT NULL DEFAULT 0 CHECK (etc_hours >= 0),
    ADD COLUMN etc_cost numeric(20, 4) NOT NULL DEFAULT 0 CHECK (etc_cost >= 0);

ALTER TABLE project_milestones
    ADD COLUMN completed_by bigint REFERENCES users (id),
    ADD COLUMN accepted_by bigint REFERENCES users (id),
    ADD COLUMN accepted_date date,
    ADD COLUMN billable_by bigint REFERENCES users (id);

ALTER TABLE project_budget_versions
    ADD COLUMN change_request_id bigint,
    ADD COLUMN created_by bigint REFERENCES users (id);

-- Change requests: delta hours by role (× phase), delta value, new dates, reason. Approved
-- through the workflow (document type "change_request"); approval writes budget version N+1.
CREATE TABLE project_change_requests (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id          bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    legal_entity_id     bigint NOT NULL REFERENCES legal_entities (id),
    seq                 integer NOT NULL CHECK (seq >= 1),
    reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    currency            char(3) NOT NULL,
    delta_value         numeric(20, 4) NOT NULL,
    delta_hours         numeric(14, 2) NOT NULL,
    new_start_date      date,
    new_end_date        date,
    status              text NOT NULL DEFAULT 'submitted'
                        CHECK (status IN ('submitted', 'approved', 'rejected')),
    approval_request_id bigint,
    decision_comment    text,
    budget_version      integer,
    submitted_by        bigint NOT NULL REFERENCES users (id),
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    decided_at          timestamptz,
    version             integer NOT NULL DEFAULT 1,
    UNIQUE (project_id, seq),
    CHECK (new_end_date IS NULL OR new_start_date IS NULL OR new_end_date >= new_start_date)
);
CREATE INDEX project_change_requests_project_idx ON project_change_requests (project_id, id);

CREATE TABLE project_change_request_lines (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_request_id bigint NOT NULL REFERENCES project_change_requests (id) ON DELETE CASCADE,
    line_no           integer NOT NULL CHECK (line_no >= 1),
    job_role_id       bigint NOT NULL REFERENCES job_roles (id),
    phase_id          bigint REFERENCES project_phases (id) ON DELETE CASCADE,
    delta_hours       numeric(14, 2) NOT NULL,
    delta_cost        numeric(20, 4) NOT NULL, -- delta hours × the role's standard cost
    delta_value       numeric(20, 4) NOT NULL,
    UNIQUE (change_request_id, line_no)
);

-- One status report per project and month, editable until the month ends.
CREATE TABLE project_status_reports (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    period     text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    rag        text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
    narrative  text NOT NULL CHECK (length(narrative) BETWEEN 1 AND 20000),
    created_by bigint REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1,
    UNIQUE (project_id, period)
);

-- Demo defaults: approval chain by size of the change (the absolute delta value). The
-- workflow refuses self-approval, so "another project manager" holds.
INSERT INTO approval_policies
    (document_type, name, fact, operator, threshold_value, threshold_fact, approver_roles, priority)
VALUES
    ('change_request', 'Every change request: another project manager', 'amount', '>=', 0, NULL,
     '{project_manager}', 10),
    ('change_request', 'Change request of 10,000 or more', 'amount', '>=', 10000, NULL,
     '{finance}', 20),
    ('change_request', 'Change request of 50,000 or more', 'amount', '>=', 50000, NULL,
     '{executive}', 30);
