-- Revenue recognition (server/revenue), currencies and intercompany, and the month-end close
-- (server/close). The contracts of the routes are server/revenue/README.md and
-- server/close/README.md.

-- The group: its reporting currency and the transfer price between its entities.
CREATE TABLE group_settings (
    singleton           boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    group_currency      char(3) NOT NULL CHECK (group_currency ~ '^[A-Z]{3}$'),
    -- Intercompany transfer price = cost × (1 + markup).
    intercompany_markup numeric(8, 6) NOT NULL DEFAULT 0.10 CHECK (intercompany_markup >= 0),
    version             integer NOT NULL DEFAULT 1
);
INSERT INTO group_settings (group_currency) VALUES ('USD');

-- Accounts the recognition, the close and consolidation need. Intercompany charges post to
-- their own revenue and cost accounts so consolidation eliminates them by role.
INSERT INTO ledger_chart_templates (template, number, type, role, name)
SELECT t.template, a.number, a.type, a.role,
       CASE t.template WHEN 'US' THEN a.us WHEN 'UK' THEN a.uk ELSE a.de END
FROM (VALUES ('US'), ('UK'), ('DE')) AS t (template),
     (VALUES
      ('2500', 'liability', 'loss_provision', 'Provision for contract losses',
       'Provision for onerous contracts', 'Rückstellungen für drohende Verluste'),
      ('2600', 'liability', 'accrued_liabilities', 'Accrued liabilities', 'Accruals',
       'Sonstige Rückstellungen'),
      ('4100', 'revenue', 'intercompany_revenue', 'Intercompany revenue',
       'Turnover — group undertakings', 'Umsatzerlöse mit verbundenen Unternehmen'),
      ('5050', 'expense', 'intercompany_cost', 'Intercompany labour cost',
       'Staff costs recharged by group undertakings',
       'Leistungen verbundener Unternehmen'),
      ('5900', 'expense', 'contract_loss', 'Contract loss provision expense',
       'Onerous contract costs', 'Aufwand aus drohenden Verlusten')
     ) AS a (number, type, role, us, uk, de);

-- Existing charts get the new accounts (keel_ledger_create_chart keeps what exists).
SELECT keel_ledger_create_chart(e.legal_entity_id, e.template)
FROM (SELECT DISTINCT legal_entity_id, template FROM ledger_accounts WHERE template IS NOT NULL) e;

-- One performance obligation per contract line. The method defaults from the billing model
-- (time_and_materials → as delivered, fixed_fee → percentage of completion by cost,
-- milestones → on acceptance, retainer and subscription → straight-line by day) and finance
-- may change it before the first recognition.
CREATE TABLE revenue_obligations (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    contract_id       bigint NOT NULL REFERENCES contracts (id),
    contract_line_id  bigint NOT NULL UNIQUE REFERENCES contract_lines (id),
    project_id        bigint REFERENCES projects (id),
    method            text NOT NULL CHECK (method IN ('time_and_materials', 'poc_cost',
                                                      'poc_effort', 'milestone', 'straight_line')),
    transaction_price numeric(20, 4) NOT NULL CHECK (transaction_price >= 0),
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    start_date        date NOT NULL,
    end_date          date NOT NULL CHECK (end_date >= start_date),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1
);
CREATE INDEX revenue_obligations_entity_idx ON revenue_obligations (legal_entity_id, contract_id);

-- A recognition run per entity and period: a job with progress (like billing runs).
CREATE TABLE revenue_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id  bigint NOT NULL REFERENCES legal_entities (id),
    period_start     date NOT NULL CHECK (extract(day FROM period_start) = 1),
    status           text NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running', 'completed', 'failed')),
    progress         integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    step             text NOT NULL DEFAULT '',
    obligation_count integer NOT NULL DEFAULT 0,
    entry_count      integer NOT NULL DEFAULT 0,
    revenue          numeric(20, 4) NOT NULL DEFAULT 0, -- functional, recognised by this run
    loss_provision   numeric(20, 4) NOT NULL DEFAULT 0, -- functional, change by this run
    error            text,
    created_by       bigint NOT NULL REFERENCES users (id),
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX revenue_runs_entity_idx ON revenue_runs (legal_entity_id, period_start, id);

-- What a run computed per obligation and period, in the contract currency. A repeated run
-- replaces the row and posts only the difference to what was posted before (catch-up).
CREATE TABLE revenue_recognitions (
    obligation_id         bigint NOT NULL REFERENCES revenue_obligations (id),
    period_start          date NOT NULL CHECK (extract(day FROM period_start) = 1),
    run_id                bigint NOT NULL REFERENCES revenue_runs (id),
    legal_entity_id       bigint NOT NULL REFERENCES legal_entities (id),
    contract_id           bigint NOT NULL REFERENCES contracts (id),
    method                text NOT NULL,
    measure_to_date       numeric(20, 4) NOT NULL DEFAULT 0, -- cost, hours or days to date
    measure_at_completion numeric(20, 4) NOT NULL DEFAULT 0, -- estimate at completion
    percent_complete      numeric(9, 6) NOT NULL DEFAULT 0,
    cumulative_revenue    numeric(20, 4) NOT NULL,
    period_revenue        numeric(20, 4) NOT NULL,
    loss_provision        numeric(20, 4) NOT NULL DEFAULT 0, -- cumulative, contract currency
    currency              char(3) NOT NULL,
    PRIMARY KEY (obligation_id, period_start)
);
CREATE INDEX revenue_recognitions_entity_idx
    ON revenue_recognitions (legal_entity_id, period_start);
CREATE INDEX revenue_recognitions_contract_idx ON revenue_recognitions (contract_id, period_start);

-- Month-end runs owned by the close (FX revaluation, intercompany charges, accruals): jobs with
-- progress; `result` holds the run's figures for the checklist.
CREATE TABLE close_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    period_start    date NOT NULL CHECK (extract(day FROM period_start) = 1),
    kind            text NOT NULL CHECK (kind IN ('revenue', 'fx_revaluation', 'intercompany',
                                                  'accruals', 'checks')),
    status          text NOT NULL DEFAULT 'running'
                    CHECK (status IN ('running', 'completed', 'failed')),
    progress        integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    step            text NOT NULL DEFAULT '',
    result          jsonb NOT NULL DEFAULT '{}',
    error           text,
    created_by      bigint NOT NULL REFERENCES users (id),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX close_runs_period_idx ON close_runs (legal_entity_id, period_start, kind, id);

-- FX revaluation of open foreign-currency items at a period's end; the entry is reversed on
-- the first day of the next period. A repeated run reverses the previous one first.
CREATE TABLE fx_revaluations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id    bigint NOT NULL REFERENCES legal_entities (id),
    period_start       date NOT NULL CHECK (extract(day FROM period_start) = 1),
    close_run_id       bigint REFERENCES close_runs (id),
    journal_entry_id   bigint REFERENCES journal_entries (id),
    reversal_entry_id  bigint REFERENCES journal_entries (id),
    superseded         boolean NOT NULL DEFAULT false,
    item_count         integer NOT NULL DEFAULT 0,
    gain               numeric(20, 4) NOT NULL DEFAULT 0, -- functional
    loss               numeric(20, 4) NOT NULL DEFAULT 0, -- functional
    created_by         bigint NOT NULL REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fx_revaluations_current_idx ON fx_revaluations (legal_entity_id, period_start)
    WHERE NOT superseded;

CREATE TABLE fx_revaluation_items (
    revaluation_id     bigint NOT NULL REFERENCES fx_revaluations (id) ON DELETE CASCADE,
    kind               text NOT NULL CHECK (kind IN ('receivable', 'payable', 'bank')),
    document_id        bigint NOT NULL, -- invoice, vendor bill or bank account
    reference          text NOT NULL DEFAULT '',
    currency           char(3) NOT NULL,
    open_amount        numeric(20, 4) NOT NULL, -- transaction currency
    carried_functional numeric(20, 4) NOT NULL,
    rate               numeric(20, 10) NOT NULL,
    revalued_functional numeric(20, 4) NOT NULL,
    difference         numeric(20, 4) NOT NULL, -- + gain on an asset, see README
    PRIMARY KEY (revaluation_id, kind, document_id)
);

-- Intercompany charges: an employee of one entity worked on another entity's project; the
-- close charges the contracting entity at transfer price, per employee, project and period.
CREATE TABLE intercompany_charges (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_start           date NOT NULL CHECK (extract(day FROM period_start) = 1),
    employing_entity_id    bigint NOT NULL REFERENCES legal_entities (id),
    contracting_entity_id  bigint NOT NULL REFERENCES legal_entities (id),
    project_id             bigint NOT NULL REFERENCES projects (id),
    employee_id            bigint NOT NULL REFERENCES employees (id),
    hours                  numeric(14, 2) NOT NULL,
    cost                   numeric(20, 4) NOT NULL, -- in cost_currency (the employing entity's)
    cost_currency          char(3) NOT NULL,
    markup                 numeric(8, 6) NOT NULL,
    amount                 numeric(20, 4) NOT NULL, -- transfer price, in cost_currency
    employing_entry_id     bigint REFERENCES journal_entries (id),
    contracting_entry_id   bigint REFERENCES journal_entries (id),
    close_run_id           bigint REFERENCES close_runs (id),
    created_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (employing_entity_id <> contracting_entity_id),
    UNIQUE (period_start, employee_id, project_id)
);
CREATE INDEX intercompany_charges_employing_idx
    ON intercompany_charges (employing_entity_id, period_start);
CREATE INDEX intercompany_charges_contracting_idx
    ON intercompany_charges (contracting_entity_id, period_start);

-- The checklist of an entity's period: one row per task once someone has worked on it
-- (checks are computed live; the row keeps who is responsible and who signed it off).
CREATE TABLE close_tasks (
    legal_entity_id     bigint NOT NULL REFERENCES legal_entities (id),
    period_start        date NOT NULL CHECK (extract(day FROM period_start) = 1),
    task                text NOT NULL CHECK (task ~ '^[a-z_]{2,40}$'),
    responsible_user_id bigint REFERENCES users (id),
    status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'signed_off')),
    signed_off_by       bigint REFERENCES users (id),
    signed_off_at       timestamptz,
    note                text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    last_count          integer,
    last_checked_at     timestamptz,
    version             integer NOT NULL DEFAULT 1,
    PRIMARY KEY (legal_entity_id, period_start, task)
);

-- Reopening a closed period: requested with a reason, approved by a controller through the
-- workflow (document type 'period_reopen'), then applied; every step is audited.
CREATE TABLE period_reopen_requests (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accounting_period_id bigint NOT NULL REFERENCES accounting_periods (id),
    from_status         text NOT NULL CHECK (from_status IN ('soft_closed', 'hard_closed')),
    to_status           text NOT NULL CHECK (to_status IN ('open', 'soft_closed')),
    reason              text NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'approved', 'rejected')),
    requested_by        bigint NOT NULL REFERENCES users (id),
    decided_by          bigint REFERENCES users (id),
    requested_at        timestamptz NOT NULL DEFAULT now(),
    decided_at          timestamptz,
    version             integer NOT NULL DEFAULT 1,
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE UNIQUE INDEX period_reopen_requests_pending_idx
    ON period_reopen_requests (accounting_period_id) WHERE status = 'pending';

INSERT INTO approval_policies
    (document_type, name, fact, operator, threshold_value, threshold_fact, approver_roles, priority)
VALUES
    ('period_reopen', 'Reopening a closed period: a controller', 'days_closed', '>=', 0, NULL,
     '{controller}', 10);
