-- The month-end close (server/close/README.md, "The checklist", "Accruals", "Period states").

-- `all` is one job that runs recognition, accruals, FX revaluation and intercompany in order,
-- with its progress across them.
ALTER TABLE close_runs DROP CONSTRAINT close_runs_kind_check;
ALTER TABLE close_runs ADD CONSTRAINT close_runs_kind_check
    CHECK (kind IN ('revenue', 'fx_revaluation', 'intercompany', 'accruals', 'checks', 'all'));

-- Contractors: people with an employee record (so they enter time like everyone) whose work
-- the vendor of an agreement bills at the agreement's rate. Their approved time not yet covered
-- by an approved bill of the agreement is what the close accrues.
CREATE TABLE subcontract_agreement_workers (
    agreement_id bigint NOT NULL REFERENCES subcontract_agreements (id),
    employee_id  bigint NOT NULL REFERENCES employees (id),
    PRIMARY KEY (agreement_id, employee_id)
);
CREATE INDEX subcontract_agreement_workers_employee_idx
    ON subcontract_agreement_workers (employee_id);

-- The checklist counts an entity's time of a month in one pass (time_entries.legal_entity_id
-- is the project's entity).
CREATE INDEX time_entries_entity_date_idx ON time_entries (legal_entity_id, work_date);

-- One accrual per entity and period that is current; a repeated run cancels the current one
-- (its entry and its reversal, mirrored) and posts anew.
CREATE TABLE close_accruals (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    period_start    date NOT NULL CHECK (extract(day FROM period_start) = 1),
    close_run_id    bigint REFERENCES close_runs (id),
    superseded      boolean NOT NULL DEFAULT false,
    item_count      integer NOT NULL DEFAULT 0,
    -- The journal entries it posted: accruals dated the period end and their reversals on the
    -- first day of the next period, one pair per currency.
    entry_ids       bigint[] NOT NULL DEFAULT '{}',
    created_by      bigint NOT NULL REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX close_accruals_current_idx ON close_accruals (legal_entity_id, period_start)
    WHERE NOT superseded;

CREATE TABLE close_accrual_items (
    accrual_id   bigint NOT NULL REFERENCES close_accruals (id) ON DELETE CASCADE,
    agreement_id bigint NOT NULL REFERENCES subcontract_agreements (id),
    project_id   bigint REFERENCES projects (id),
    worked_hours numeric(14, 2) NOT NULL, -- approved, agreement start to period end
    billed_hours numeric(14, 2) NOT NULL, -- on approved bills dated up to the period end
    rate         numeric(20, 6) NOT NULL,
    amount       numeric(20, 4) NOT NULL, -- (worked − billed) × rate, in currency
    currency     char(3) NOT NULL,
    PRIMARY KEY (accrual_id, agreement_id)
);
