-- Billing, receivables, payables and cash (issue 6). The contracts of server/billing,
-- server/receivables, server/payables and server/banking; their READMEs say who writes what.
-- Money columns are numeric, rounded to the currency's minor unit by the service that writes
-- them (half away from zero, common/rounding.h); never float.

-- ---------------------------------------------------------------------------------------------
-- Taxes. An account's tax_profile names its code; the billing run decides the code per invoice
-- from the entity's and the client's countries (server/billing/tax_rules).
CREATE TABLE tax_codes (
    code         text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
    kind         text NOT NULL
                 CHECK (kind IN ('none', 'standard', 'zero', 'exempt', 'reverse_charge')),
    rate         numeric(7, 4) NOT NULL CHECK (rate >= 0 AND rate < 100), -- percent
    name         text NOT NULL,
    invoice_note text  -- printed on the invoice (reverse charge, outside scope)
);
INSERT INTO tax_codes (code, kind, rate, name, invoice_note) VALUES
    ('US_STANDARD', 'none', 0, 'No sales tax on services', NULL),
    ('US_EXEMPT', 'exempt', 0, 'Exempt', 'Exempt from sales tax.'),
    ('UK_VAT_STANDARD', 'standard', 20, 'VAT 20%', NULL),
    ('UK_VAT_ZERO', 'zero', 0, 'VAT 0%', 'Zero-rated supply.'),
    ('DE_UST_STANDARD', 'standard', 19, 'USt 19%', NULL),
    ('EU_REVERSE_CHARGE', 'reverse_charge', 0, 'Reverse charge',
     'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).'),
    ('EXPORT_EXEMPT', 'exempt', 0, 'Outside the scope of VAT',
     'Services supplied outside the scope of VAT: place of supply is the customer''s country.');

-- How a contract is cut into invoices: one per contract per period (default) or one per
-- project.
ALTER TABLE contracts ADD COLUMN invoice_split text NOT NULL DEFAULT 'contract'
    CHECK (invoice_split IN ('contract', 'project'));

-- ---------------------------------------------------------------------------------------------
-- Billing runs: one per entity and period (optionally one client or one contract). The run is a
-- job: status and progress are polled by the client.
CREATE TABLE billing_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    period_start    date NOT NULL CHECK (extract(day FROM period_start) = 1),
    period_end      date NOT NULL CHECK (period_end >= period_start),
    account_id      bigint REFERENCES accounts (id),
    contract_id     bigint REFERENCES contracts (id),
    invoice_date    date NOT NULL,
    status          text NOT NULL DEFAULT 'running'
                    CHECK (status IN ('running', 'completed', 'failed')),
    progress        integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    step            text NOT NULL DEFAULT '',
    invoice_count   integer NOT NULL DEFAULT 0,
    line_count      integer NOT NULL DEFAULT 0,
    exception_count integer NOT NULL DEFAULT 0,
    error           text,
    created_by      bigint NOT NULL REFERENCES users (id),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    version         integer NOT NULL DEFAULT 1
);
CREATE INDEX billing_runs_entity_idx ON billing_runs (legal_entity_id, id DESC);

-- Gapless invoice numbers per entity and year, drawn under the row lock at issue:
-- INV-UK-2026-000123 (credit notes: CN-UK-2026-000007).
CREATE TABLE invoice_number_counters (
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    kind            text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    year            integer NOT NULL,
    last_number     integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    PRIMARY KEY (legal_entity_id, kind, year)
);

-- Invoices and credit notes. Draft → approved → issued → partially_paid → paid, or
-- voided (fully credited). Issued documents are frozen (trigger below).
CREATE TABLE invoices (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id      bigint NOT NULL REFERENCES legal_entities (id),
    account_id           bigint NOT NULL REFERENCES accounts (id),
    contract_id          bigint REFERENCES contracts (id),
    project_id           bigint REFERENCES projects (id), -- set when split per project
    billing_run_id       bigint REFERENCES billing_runs (id),
    kind                 text NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
    credits_invoice_id   bigint REFERENCES invoices (id),
    number               text UNIQUE,
    status               text NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'approved', 'issued', 'partially_paid', 'paid',
                                           'voided', 'cancelled')),
    period_start         date,
    period_end           date,
    invoice_date         date NOT NULL,
    due_date             date NOT NULL CHECK (due_date >= invoice_date),
    currency             char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    tax_code             text NOT NULL REFERENCES tax_codes (code),
    subtotal             numeric(20, 4) NOT NULL DEFAULT 0, -- net of write-downs
    tax_total            numeric(20, 4) NOT NULL DEFAULT 0,
    total                numeric(20, 4) NOT NULL DEFAULT 0,
    amount_paid          numeric(20, 4) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    -- At issue: the invoice date's rate into the entity's functional currency.
    functional_currency  char(3),
    fx_rate              numeric(20, 10) CHECK (fx_rate > 0),
    functional_total     numeric(20, 4),
    functional_paid      numeric(20, 4) NOT NULL DEFAULT 0,
    show_time_detail     boolean NOT NULL DEFAULT false,
    notes                text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    dunning_level        integer NOT NULL DEFAULT 0 CHECK (dunning_level BETWEEN 0 AND 3),
    last_dunned_on       date,
    approval_request_id  bigint REFERENCES approval_requests (id),
    journal_entry_id     bigint REFERENCES journal_entries (id),
    created_by           bigint REFERENCES users (id),
    approved_by          bigint REFERENCES users (id),
    issued_by            bigint REFERENCES users (id),
    issued_at            timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 1,
    CHECK ((kind = 'credit_note') = (credits_invoice_id IS NOT NULL)),
    CHECK ((number IS NULL) = (status IN ('draft', 'approved', 'cancelled'))),
    CHECK (total = subtotal + tax_total)
);
CREATE INDEX invoices_entity_status_idx ON invoices (legal_entity_id, status, id);
CREATE INDEX invoices_account_idx ON invoices (account_id, invoice_date);
CREATE INDEX invoices_contract_idx ON invoices (contract_id, period_start);
CREATE INDEX invoices_run_idx ON invoices (billing_run_id) WHERE billing_run_id IS NOT NULL;
-- Open receivables (aging, statements, allocation) read this partial index.
CREATE INDEX invoices_open_idx ON invoices (legal_entity_id, account_id, due_date)
    WHERE status IN ('issued', 'partially_paid');

CREATE TABLE invoice_lines (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id          bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no             integer NOT NULL CHECK (line_no >= 1),
    kind                text NOT NULL
                        CHECK (kind IN ('time', 'expense', 'milestone', 'fixed_fee',
                                        'retainer_fee', 'retainer_overage', 'subscription',
                                        'credit', 'manual')),
    contract_line_id    bigint REFERENCES contract_lines (id),
    project_id          bigint REFERENCES projects (id),
    job_role_id         bigint REFERENCES job_roles (id),
    description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    quantity            numeric(14, 2) NOT NULL DEFAULT 1,
    unit                text NOT NULL DEFAULT 'each' CHECK (unit IN ('hours', 'each', 'month')),
    unit_price          numeric(20, 6) NOT NULL DEFAULT 0,
    gross_amount        numeric(20, 4) NOT NULL,            -- quantity × price, rounded
    write_down          numeric(20, 4) NOT NULL DEFAULT 0 CHECK (write_down >= 0),
    write_down_reason   text,
    write_down_status   text CHECK (write_down_status IN ('pending', 'approved', 'rejected')),
    write_down_request_id bigint REFERENCES approval_requests (id),
    amount              numeric(20, 4) NOT NULL,            -- gross − approved write-down
    tax_rate            numeric(7, 4) NOT NULL DEFAULT 0,
    tax_amount          numeric(20, 4) NOT NULL DEFAULT 0,  -- per line, rounded
    -- The revenue side of the posting: billed in arrears (clears unbilled receivable first) or
    -- ahead (deferred revenue). Credit lines carry 'arrears'.
    timing              text NOT NULL DEFAULT 'arrears' CHECK (timing IN ('arrears', 'ahead')),
    service_start       date,
    service_end         date,
    UNIQUE (invoice_id, line_no),
    CHECK (write_down <= abs(gross_amount)),
    CHECK ((write_down = 0) = (write_down_reason IS NULL))
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id);

-- What each invoice line bills: one row per source record. Each source is billed at most once:
-- the partial unique index is the guarantee, even under two concurrent runs. A credit note
-- that releases its sources sets released_at; a held line deletes its rows (the next run bills
-- them). Cap excess is claimed by a billing exception instead of a line.
CREATE TABLE billing_sources (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_kind          text NOT NULL
                         CHECK (source_kind IN ('time_entry', 'expense', 'milestone',
                                                'schedule_item', 'retainer_period',
                                                'subscription_period')),
    -- time entry / expense uuid; milestone and schedule item id; '<contract line>:<YYYY-MM-DD>'
    -- for the period of a retainer or subscription.
    source_key           text NOT NULL,
    invoice_id           bigint REFERENCES invoices (id) ON DELETE CASCADE,
    invoice_line_id      bigint REFERENCES invoice_lines (id) ON DELETE CASCADE,
    billing_exception_id bigint,
    hours                numeric(14, 2),
    amount               numeric(20, 4) NOT NULL DEFAULT 0, -- billed, contract currency
    released_at          timestamptz,
    released_by_invoice_id bigint REFERENCES invoices (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((invoice_line_id IS NULL) <> (billing_exception_id IS NULL))
);
CREATE UNIQUE INDEX billing_sources_once ON billing_sources (source_kind, source_key)
    WHERE released_at IS NULL;
CREATE INDEX billing_sources_line_idx ON billing_sources (invoice_line_id);
CREATE INDEX billing_sources_invoice_idx ON billing_sources (invoice_id);

-- Not-to-exceed caps: the run bills up to the cap and holds the excess here, to be written off
-- or released by a change order that raises the cap.
CREATE TABLE billing_exceptions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id  bigint NOT NULL REFERENCES legal_entities (id),
    billing_run_id   bigint REFERENCES billing_runs (id),
    contract_id      bigint NOT NULL REFERENCES contracts (id),
    contract_line_id bigint REFERENCES contract_lines (id),
    kind             text NOT NULL CHECK (kind IN ('cap_exceeded', 'no_rate')),
    hours            numeric(14, 2) NOT NULL DEFAULT 0,
    amount           numeric(20, 4) NOT NULL DEFAULT 0,
    currency         char(3) NOT NULL,
    detail           text NOT NULL,
    status           text NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'written_off', 'released')),
    resolved_by      bigint REFERENCES users (id),
    resolved_at      timestamptz,
    resolution_note  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX billing_exceptions_entity_idx ON billing_exceptions (legal_entity_id, status);
ALTER TABLE billing_sources ADD FOREIGN KEY (billing_exception_id)
    REFERENCES billing_exceptions (id) ON DELETE CASCADE;

-- Issued invoices and credit notes are frozen: only payment status, amounts paid and dunning
-- change after issue.
CREATE FUNCTION keel_invoice_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status NOT IN ('draft', 'approved', 'cancelled') THEN
            RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.id
                USING ERRCODE = 'KL409';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.number IS NOT NULL AND (
           NEW.number IS DISTINCT FROM OLD.number OR NEW.total <> OLD.total
        OR NEW.subtotal <> OLD.subtotal OR NEW.tax_total <> OLD.tax_total
        OR NEW.currency <> OLD.currency OR NEW.invoice_date <> OLD.invoice_date
        OR NEW.account_id <> OLD.account_id OR NEW.functional_total IS DISTINCT FROM OLD.functional_total
        OR NEW.fx_rate IS DISTINCT FROM OLD.fx_rate) THEN
        RAISE EXCEPTION 'invoice % is issued and frozen', OLD.id USING ERRCODE = 'KL409';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_frozen BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION keel_invoice_frozen();

CREATE FUNCTION keel_invoice_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM invoices WHERE id = v_id AND number IS NOT NULL) THEN
        RAISE EXCEPTION 'invoice % is issued: its lines are frozen', v_id USING ERRCODE = 'KL409';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER invoice_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION keel_invoice_line_frozen();

-- Collections: notes per invoice (calls, promises to pay) beside its dunning level.
CREATE TABLE collection_notes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id    bigint NOT NULL REFERENCES invoices (id),
    note          text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    promised_date date,
    dunning_level integer CHECK (dunning_level BETWEEN 0 AND 3),
    created_by    bigint NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX collection_notes_invoice_idx ON collection_notes (invoice_id, id);

-- ---------------------------------------------------------------------------------------------
-- Banking. Each bank account posts to its own ledger account (the entity's 'bank' role account
-- for the first; more get numbers 1001, 1002 …).
CREATE TABLE bank_accounts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    bank_name         text NOT NULL DEFAULT '',
    account_number    text NOT NULL CHECK (length(account_number) BETWEEN 1 AND 40), -- IBAN or local
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    ledger_account_id bigint NOT NULL REFERENCES ledger_accounts (id),
    active            boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1,
    UNIQUE (legal_entity_id, account_number)
);

-- Customer receipts: money in, allocated to one or many invoices of the client; what is not
-- allocated is unapplied cash.
CREATE TABLE customer_receipts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    account_id        bigint NOT NULL REFERENCES accounts (id),
    bank_account_id   bigint NOT NULL REFERENCES bank_accounts (id),
    receipt_date      date NOT NULL,
    amount            numeric(20, 4) NOT NULL CHECK (amount > 0),
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    fx_rate           numeric(20, 10) NOT NULL CHECK (fx_rate > 0), -- receipt date, to functional
    functional_amount numeric(20, 4) NOT NULL,
    allocated         numeric(20, 4) NOT NULL DEFAULT 0 CHECK (allocated >= 0),
    reference         text NOT NULL DEFAULT '' CHECK (length(reference) <= 140),
    created_by        bigint NOT NULL REFERENCES users (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1,
    CHECK (allocated <= amount)
);
CREATE INDEX customer_receipts_account_idx ON customer_receipts (account_id, receipt_date);
CREATE INDEX customer_receipts_entity_idx ON customer_receipts (legal_entity_id, receipt_date);

CREATE TABLE receipt_allocations (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    receipt_id          bigint NOT NULL REFERENCES customer_receipts (id),
    invoice_id          bigint NOT NULL REFERENCES invoices (id),
    amount              numeric(20, 4) NOT NULL CHECK (amount > 0), -- invoice currency
    -- The receivable cleared at the invoice's rate, and the cash at the receipt's; the
    -- difference is the realised FX gain (+) or loss (−).
    receivable_functional numeric(20, 4) NOT NULL,
    cash_functional       numeric(20, 4) NOT NULL,
    journal_entry_id    bigint REFERENCES journal_entries (id),
    created_by          bigint NOT NULL REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipt_allocations_invoice_idx ON receipt_allocations (invoice_id);
CREATE INDEX receipt_allocations_receipt_idx ON receipt_allocations (receipt_id);

-- Payables: payments to vendors, allocated to approved bills.
ALTER TABLE vendor_bills DROP CONSTRAINT vendor_bills_status_check;
ALTER TABLE vendor_bills ADD CONSTRAINT vendor_bills_status_check
    CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'partially_paid', 'paid'));
ALTER TABLE vendor_bills ADD COLUMN amount_paid numeric(20, 4) NOT NULL DEFAULT 0
    CHECK (amount_paid >= 0);
ALTER TABLE vendor_bills ADD COLUMN fx_rate numeric(20, 10) CHECK (fx_rate > 0); -- at approval
ALTER TABLE vendor_bills ADD COLUMN functional_total numeric(20, 4);
ALTER TABLE vendor_bills ADD COLUMN functional_paid numeric(20, 4) NOT NULL DEFAULT 0;
CREATE INDEX vendor_bills_open_idx ON vendor_bills (legal_entity_id, vendor_id, due_date)
    WHERE status IN ('approved', 'partially_paid');
-- Other costs (rent, software) have no project and no hours: they post to general expenses.
ALTER TABLE vendor_bill_lines ALTER COLUMN project_id DROP NOT NULL;
ALTER TABLE vendor_bill_lines ALTER COLUMN hours DROP NOT NULL;
ALTER TABLE vendor_bill_lines ALTER COLUMN rate DROP NOT NULL;

CREATE TABLE vendor_payments (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    vendor_id         bigint NOT NULL REFERENCES vendors (id),
    bank_account_id   bigint NOT NULL REFERENCES bank_accounts (id),
    payment_date      date NOT NULL,
    amount            numeric(20, 4) NOT NULL CHECK (amount > 0),
    currency          char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    fx_rate           numeric(20, 10) NOT NULL CHECK (fx_rate > 0),
    functional_amount numeric(20, 4) NOT NULL,
    reference         text NOT NULL DEFAULT '' CHECK (length(reference) <= 140),
    journal_entry_id  bigint REFERENCES journal_entries (id),
    created_by        bigint NOT NULL REFERENCES users (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1
);
CREATE INDEX vendor_payments_vendor_idx ON vendor_payments (vendor_id, payment_date);

CREATE TABLE vendor_payment_allocations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id         bigint NOT NULL REFERENCES vendor_payments (id),
    bill_id            bigint NOT NULL REFERENCES vendor_bills (id),
    amount             numeric(20, 4) NOT NULL CHECK (amount > 0),
    payable_functional numeric(20, 4) NOT NULL,
    cash_functional    numeric(20, 4) NOT NULL
);
CREATE INDEX vendor_payment_allocations_bill_idx ON vendor_payment_allocations (bill_id);

-- Bank statements (CSV import) and their reconciliation against receipts and payments.
CREATE TABLE bank_statement_imports (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bank_account_id bigint NOT NULL REFERENCES bank_accounts (id),
    file_name       text NOT NULL DEFAULT '',
    line_count      integer NOT NULL DEFAULT 0,
    duplicate_count integer NOT NULL DEFAULT 0,
    imported_by     bigint NOT NULL REFERENCES users (id),
    imported_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bank_statement_lines (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bank_account_id      bigint NOT NULL REFERENCES bank_accounts (id),
    import_id            bigint REFERENCES bank_statement_imports (id),
    booking_date         date NOT NULL,
    amount               numeric(20, 4) NOT NULL CHECK (amount <> 0), -- + in, − out
    reference            text NOT NULL DEFAULT '',
    counterparty         text NOT NULL DEFAULT '',
    -- sha256 of account, date, amount, reference, counterparty and occurrence: a re-import of
    -- the same file adds nothing.
    line_hash            text NOT NULL,
    status               text NOT NULL DEFAULT 'unmatched'
                         CHECK (status IN ('unmatched', 'matched', 'ignored')),
    customer_receipt_id  bigint REFERENCES customer_receipts (id),
    vendor_payment_id    bigint REFERENCES vendor_payments (id),
    journal_entry_id     bigint REFERENCES journal_entries (id),
    matched_by           bigint REFERENCES users (id),
    matched_at           timestamptz,
    version              integer NOT NULL DEFAULT 1,
    UNIQUE (bank_account_id, line_hash),
    CHECK (status <> 'matched' OR num_nonnulls(customer_receipt_id, vendor_payment_id,
                                                journal_entry_id) = 1)
);
CREATE INDEX bank_statement_lines_open_idx ON bank_statement_lines (bank_account_id, booking_date)
    WHERE status = 'unmatched';
CREATE UNIQUE INDEX bank_statement_lines_receipt_key ON bank_statement_lines (customer_receipt_id)
    WHERE customer_receipt_id IS NOT NULL;
CREATE UNIQUE INDEX bank_statement_lines_payment_key ON bank_statement_lines (vendor_payment_id)
    WHERE vendor_payment_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Approval policies (data, DESIGN.md section 5): invoices over 50,000 in their currency need a
-- controller, the rest finance; every write-down a controller above 1,000, finance below.
INSERT INTO approval_policies
    (document_type, name, fact, operator, threshold_value, threshold_fact, approver_roles, priority)
VALUES
    ('invoice', 'Invoices: finance', 'total', '>=', 0, NULL, '{finance}', 10),
    ('invoice', 'Invoices over 50,000: a controller', 'total', '>', 50000, NULL, '{controller}', 20),
    ('invoice_write_down', 'Write-downs: finance', 'amount', '>', 0, NULL, '{finance}', 10),
    ('invoice_write_down', 'Write-downs over 1,000: a controller', 'amount', '>', 1000, NULL,
     '{controller}', 20);
