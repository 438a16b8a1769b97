-- Contracts (statements of work), their versions and change orders (crm), and the first
-- delivery records the handover creates: projects, phases, tasks, milestones, budget baseline
-- versions, billing rules and resource requests.
-- Amounts are numeric in the contract's currency; rates and hours are numeric too.

-- Gapless contract numbers per legal entity and year (SOW-UK-2026-0001), taken in the signing
-- transaction: the row lock serialises signers of one entity, a rollback gives the number back.
CREATE TABLE contract_number_counters (
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    last_number     integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    PRIMARY KEY (legal_entity_id, year)
);

CREATE TABLE contracts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id    bigint NOT NULL REFERENCES legal_entities (id),
    account_id         bigint NOT NULL REFERENCES accounts (id),
    quote_id           bigint REFERENCES quotes (id),
    opportunity_id     bigint REFERENCES opportunities (id),
    offering_id        bigint REFERENCES offerings (id),
    practice_id        bigint REFERENCES practices (id),
    project_manager_id bigint REFERENCES users (id),
    number             text UNIQUE,
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    payment_terms      text NOT NULL DEFAULT 'net30' CHECK (length(payment_terms) BETWEEN 1 AND 40),
    tax_profile        text NOT NULL DEFAULT 'standard' CHECK (length(tax_profile) BETWEEN 1 AND 40),
    start_date         date NOT NULL,
    end_date           date NOT NULL CHECK (end_date >= start_date),
    signature_date     date,
    status             text NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'signed', 'amended', 'completed', 'terminated')),
    total_value        numeric(20, 4) NOT NULL DEFAULT 0,
    contract_version   integer NOT NULL DEFAULT 1 CHECK (contract_version >= 1),
    created_by         bigint REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 1,
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK (status = 'draft' OR signature_date IS NOT NULL)
);
CREATE INDEX contracts_entity_idx ON contracts (legal_entity_id, id);
CREATE INDEX contracts_account_idx ON contracts (account_id);
CREATE UNIQUE INDEX contracts_quote_key ON contracts (quote_id) WHERE quote_id IS NOT NULL;

-- The current lines of a contract. Model-specific fields are NULL where they do not apply.
CREATE TABLE contract_lines (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id     bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    line_no         integer NOT NULL CHECK (line_no >= 1),
    description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    billing_model   text NOT NULL CHECK (billing_model IN ('time_and_materials', 'fixed_fee',
                                         'milestones', 'retainer', 'subscription')),
    value           numeric(20, 4) NOT NULL CHECK (value >= 0),
    quote_line_id   bigint REFERENCES quote_lines (id) ON DELETE SET NULL,
    job_role_id     bigint REFERENCES job_roles (id),
    hours           numeric(14, 2) CHECK (hours >= 0),
    rate            numeric(20, 6) CHECK (rate >= 0),
    cost_rate       numeric(20, 6) CHECK (cost_rate >= 0),
    cost_amount     numeric(20, 4) CHECK (cost_amount >= 0), -- as quoted; NULL: from job_role_costs
    rate_list       text,
    not_to_exceed   numeric(20, 4) CHECK (not_to_exceed > 0),
    monthly_amount  numeric(20, 4) CHECK (monthly_amount > 0),
    drawdown_hours  numeric(14, 2) CHECK (drawdown_hours >= 0),
    rollover        text CHECK (rollover IN ('none', 'next_period', 'expire')),
    fee_per_period  numeric(20, 4) CHECK (fee_per_period > 0),
    period          text CHECK (period IN ('month', 'quarter', 'year')),
    start_date      date,
    end_date        date CHECK (end_date >= start_date),
    UNIQUE (contract_id, line_no)
);

-- Billing schedule entries (fixed_fee), milestones (milestones) and role rates
-- (time_and_materials) of a line.
CREATE TABLE contract_line_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    line_id     bigint NOT NULL REFERENCES contract_lines (id) ON DELETE CASCADE,
    contract_id bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('schedule', 'milestone', 'rate')),
    seq         integer NOT NULL CHECK (seq >= 1),
    name        text,
    amount      numeric(20, 4),
    due_date    date,
    job_role_id bigint REFERENCES job_roles (id),
    rate        numeric(20, 6),
    UNIQUE (line_id, kind, seq),
    CHECK (kind = 'rate' OR (amount IS NOT NULL AND due_date IS NOT NULL)),
    CHECK (kind <> 'rate' OR (job_role_id IS NOT NULL AND rate IS NOT NULL)),
    CHECK (kind <> 'milestone' OR name IS NOT NULL)
);
CREATE INDEX contract_line_items_contract_idx ON contract_line_items (contract_id);

-- Every signed version of a contract, kept: version 1 at signature, N+1 per approved change
-- order. `lines` is the lines as the API showed them at that version.
CREATE TABLE contract_versions (
    contract_id      bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    contract_version integer NOT NULL CHECK (contract_version >= 1),
    total_value      numeric(20, 4) NOT NULL,
    start_date       date NOT NULL,
    end_date         date NOT NULL,
    lines            jsonb NOT NULL,
    change_order_id  bigint,
    created_by       bigint REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, contract_version)
);

CREATE TABLE contract_change_orders (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id         bigint NOT NULL REFERENCES contracts (id),
    legal_entity_id     bigint NOT NULL REFERENCES legal_entities (id),
    base_version        integer NOT NULL,
    status              text NOT NULL DEFAULT 'submitted'
                        CHECK (status IN ('submitted', 'approved', 'rejected')),
    reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    changes             jsonb NOT NULL,
    value_before        numeric(20, 4) NOT NULL,
    value_after         numeric(20, 4) NOT NULL,
    approval_request_id bigint,
    decision_comment    text,
    submitted_by        bigint REFERENCES users (id),
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    decided_at          timestamptz,
    version             integer NOT NULL DEFAULT 1
);
CREATE INDEX contract_change_orders_contract_idx ON contract_change_orders (contract_id, id);
-- At most one change order waits per contract.
CREATE UNIQUE INDEX contract_change_orders_pending_key
    ON contract_change_orders (contract_id) WHERE status = 'submitted';

-- ---------------------------------------------------------------------------------------------
-- Delivery: the records the handover creates.

CREATE TABLE projects (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id    bigint NOT NULL REFERENCES legal_entities (id),
    account_id         bigint NOT NULL REFERENCES accounts (id),
    contract_id        bigint REFERENCES contracts (id),
    practice_id        bigint REFERENCES practices (id),
    project_manager_id bigint REFERENCES users (id),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    start_date         date NOT NULL,
    end_date           date NOT NULL CHECK (end_date >= start_date),
    status             text NOT NULL DEFAULT 'planned'
                       CHECK (status IN ('planned', 'active', 'on_hold', 'closed')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 1
);
-- One project per contract: a retried or repeated handover finds the existing one.
CREATE UNIQUE INDEX projects_contract_key ON projects (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX projects_entity_idx ON projects (legal_entity_id, id);

CREATE TABLE project_phases (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    seq        integer NOT NULL CHECK (seq >= 1),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    start_date date,
    end_date   date,
    version    integer NOT NULL DEFAULT 1,
    UNIQUE (project_id, seq)
);

CREATE TABLE project_tasks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    phase_id     bigint REFERENCES project_phases (id) ON DELETE CASCADE,
    seq          integer NOT NULL CHECK (seq >= 1),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    job_role_id  bigint REFERENCES job_roles (id),
    budget_hours numeric(14, 2) NOT NULL DEFAULT 0 CHECK (budget_hours >= 0),
    billable     boolean NOT NULL DEFAULT true,
    version      integer NOT NULL DEFAULT 1,
    UNIQUE (project_id, seq)
);

CREATE TABLE project_milestones (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    contract_line_id bigint REFERENCES contract_lines (id) ON DELETE SET NULL,
    seq              integer NOT NULL CHECK (seq >= 1),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    amount           numeric(20, 4) NOT NULL CHECK (amount >= 0),
    currency         char(3) NOT NULL,
    planned_date     date NOT NULL,
    actual_date      date,
    state            text NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'completed', 'accepted', 'billable')),
    version          integer NOT NULL DEFAULT 1,
    UNIQUE (project_id, seq)
);

CREATE TABLE project_budget_versions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id     bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    budget_version integer NOT NULL CHECK (budget_version >= 1),
    reason         text NOT NULL,
    contract_version integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, budget_version)
);

-- Budget by job role (× phase when the template gives one): hours, cost at the role's
-- standard cost rate, revenue at the sold rate.
CREATE TABLE project_budget_lines (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    budget_version_id bigint NOT NULL REFERENCES project_budget_versions (id) ON DELETE CASCADE,
    job_role_id       bigint NOT NULL REFERENCES job_roles (id),
    phase_id          bigint REFERENCES project_phases (id) ON DELETE CASCADE,
    hours             numeric(14, 2) NOT NULL CHECK (hours >= 0),
    cost              numeric(20, 4) NOT NULL,
    revenue           numeric(20, 4) NOT NULL
);
CREATE INDEX project_budget_lines_version_idx ON project_budget_lines (budget_version_id);

-- How each contract line bills on this project.
CREATE TABLE project_billing_rules (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    contract_line_id bigint REFERENCES contract_lines (id) ON DELETE SET NULL,
    billing_model    text NOT NULL,
    reference        text NOT NULL,
    value            numeric(20, 4) NOT NULL,
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX project_billing_rules_project_idx ON project_billing_rules (project_id);

-- Staffing demand: hard requests from projects (the resourcing issue adds soft ones).
CREATE TABLE resource_requests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    project_id      bigint REFERENCES projects (id) ON DELETE CASCADE,
    job_role_id     bigint NOT NULL REFERENCES job_roles (id),
    hours_per_week  numeric(8, 2) NOT NULL CHECK (hours_per_week > 0),
    total_hours     numeric(14, 2) NOT NULL CHECK (total_hours >= 0),
    start_date      date NOT NULL,
    end_date        date NOT NULL CHECK (end_date >= start_date),
    skills          text[] NOT NULL DEFAULT '{}',
    kind            text NOT NULL DEFAULT 'hard' CHECK (kind IN ('hard', 'soft')),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'cancelled')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1
);
CREATE INDEX resource_requests_project_idx ON resource_requests (project_id);
