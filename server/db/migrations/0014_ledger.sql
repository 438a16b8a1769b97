-- The general ledger (server/ledger): a chart of accounts per legal entity from a country
-- template, journal entries with lines in transaction and functional currency, and the two
-- rules the database itself enforces: every entry balances in functional currency, and nothing
-- is posted into a hard-closed period.
--
-- Soft close (0012: "stops time and expenses") still accepts ledger postings, because the
-- month-end close itself books accruals, invoices and adjustments while operations are frozen;
-- hard close accepts none.

-- Country templates: the same numbers and types everywhere (consolidation adds them up), local
-- names. `role` is how posting rules find an account without knowing its number.
CREATE TABLE ledger_chart_templates (
    template text NOT NULL CHECK (template IN ('US', 'UK', 'DE')),
    number   text NOT NULL CHECK (number ~ '^[0-9]{4}$'),
    name     text NOT NULL,
    type     text NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
    role     text,
    PRIMARY KEY (template, number),
    UNIQUE (template, role)
);

INSERT INTO ledger_chart_templates (template, number, type, role, name)
SELECT t.template, a.number, a.type, a.role,
       CASE t.template WHEN 'US' THEN a.us WHEN 'UK' THEN a.uk ELSE a.de END
FROM (VALUES ('US'), ('UK'), ('DE')) AS t (template),
     (VALUES
      ('1000', 'asset', 'bank', 'Cash at bank', 'Cash at bank', 'Bank'),
      ('1100', 'asset', 'accounts_receivable', 'Accounts receivable', 'Trade debtors',
       'Forderungen aus Lieferungen und Leistungen'),
      ('1150', 'asset', 'unbilled_receivable', 'Unbilled receivables', 'Accrued income',
       'Noch nicht abgerechnete Leistungen'),
      ('1300', 'asset', 'due_from_intercompany', 'Due from affiliates',
       'Amounts owed by group undertakings', 'Forderungen gegen verbundene Unternehmen'),
      ('2000', 'liability', 'accounts_payable', 'Accounts payable', 'Trade creditors',
       'Verbindlichkeiten aus Lieferungen und Leistungen'),
      ('2100', 'liability', 'tax_payable', 'Sales tax payable', 'VAT payable', 'Umsatzsteuer'),
      ('2200', 'liability', 'deferred_revenue', 'Deferred revenue', 'Deferred income',
       'Passive Rechnungsabgrenzung'),
      ('2300', 'liability', 'employee_payables', 'Employee reimbursements payable',
       'Amounts owed to employees', 'Verbindlichkeiten gegenüber Mitarbeitern'),
      ('2400', 'liability', 'due_to_intercompany', 'Due to affiliates',
       'Amounts owed to group undertakings', 'Verbindlichkeiten gegenüber verbundenen Unternehmen'),
      ('3000', 'equity', 'share_capital', 'Common stock', 'Share capital', 'Gezeichnetes Kapital'),
      ('3100', 'equity', 'retained_earnings', 'Retained earnings', 'Retained earnings',
       'Gewinnvortrag'),
      ('4000', 'revenue', 'revenue', 'Professional services revenue', 'Turnover — services',
       'Umsatzerlöse Dienstleistungen'),
      ('5000', 'expense', 'labour_cost', 'Direct labour cost', 'Direct staff costs',
       'Personalaufwand (direkt)'),
      ('5100', 'expense', 'subcontractor_cost', 'Subcontractor cost', 'Subcontractor costs',
       'Fremdleistungen'),
      ('5200', 'expense', 'project_expenses', 'Project expenses', 'Project expenses',
       'Projektaufwendungen'),
      ('6000', 'expense', 'general_expenses', 'General and administrative expenses',
       'Administrative expenses', 'Sonstige betriebliche Aufwendungen'),
      ('7000', 'revenue', 'fx_gain_realised', 'Realized FX gain', 'Realised exchange gains',
       'Realisierte Kursgewinne'),
      ('7010', 'expense', 'fx_loss_realised', 'Realized FX loss', 'Realised exchange losses',
       'Realisierte Kursverluste'),
      ('7100', 'revenue', 'fx_gain_unrealised', 'Unrealized FX gain', 'Unrealised exchange gains',
       'Unrealisierte Kursgewinne'),
      ('7110', 'expense', 'fx_loss_unrealised', 'Unrealized FX loss', 'Unrealised exchange losses',
       'Unrealisierte Kursverluste'),
      ('7900', 'expense', 'rounding', 'Rounding differences', 'Rounding differences',
       'Rundungsdifferenzen')
     ) AS a (number, type, role, us, uk, de);

CREATE TABLE ledger_accounts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    number          text NOT NULL CHECK (number ~ '^[0-9]{4}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type            text NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue',
                                                  'expense')),
    role            text,
    template        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (legal_entity_id, number),
    UNIQUE (legal_entity_id, role),
    UNIQUE (legal_entity_id, id)
);

-- The chart of an entity from a template; existing accounts are kept (idempotent). Returns the
-- number of accounts added.
CREATE FUNCTION keel_ledger_create_chart(p_entity bigint, p_template text) RETURNS integer
LANGUAGE sql AS $$
    WITH added AS (
        INSERT INTO ledger_accounts (legal_entity_id, number, name, type, role, template)
        SELECT p_entity, number, name, type, role, template FROM ledger_chart_templates
        WHERE template = p_template
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*)::integer FROM added
$$;

-- Monthly accounting periods for every month touching [p_from, p_to]; existing rows (and their
-- status) are kept.
CREATE FUNCTION keel_ledger_ensure_periods(p_entity bigint, p_from date, p_to date)
RETURNS integer LANGUAGE sql AS $$
    WITH added AS (
        INSERT INTO accounting_periods (legal_entity_id, period_start, period_end)
        SELECT p_entity, m::date, (m + interval '1 month' - interval '1 day')::date
        FROM generate_series(date_trunc('month', p_from), date_trunc('month', p_to),
                             interval '1 month') AS m
        ON CONFLICT (legal_entity_id, period_start) DO NOTHING RETURNING 1)
    SELECT count(*)::integer FROM added
$$;

-- One row per posting of an operational event: (source_type, source_id, purpose) is unique, so
-- an event posts exactly once however often its handler runs. Manual entries wait for approval
-- as 'pending' with their lines in proposed_lines; journal_lines holds posted lines only, so
-- every read sums journal_lines without looking at the entry's status.
CREATE TABLE journal_entries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    entry_date      date NOT NULL,
    period_id       bigint REFERENCES accounting_periods (id),
    source_type     text NOT NULL CHECK (source_type ~ '^[a-z_]{2,40}$'),
    source_id       text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 80),
    purpose         text NOT NULL DEFAULT 'post' CHECK (purpose ~ '^[a-z_]{2,40}$'),
    description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    status          text NOT NULL DEFAULT 'posted'
                    CHECK (status IN ('pending', 'posted', 'reversed', 'rejected')),
    reverses_id     bigint REFERENCES journal_entries (id),
    proposed_lines  jsonb,
    rejection_reason text,
    created_by      bigint REFERENCES users (id),
    approved_by     bigint REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    posted_at       timestamptz,
    version         integer NOT NULL DEFAULT 1,
    UNIQUE (source_type, source_id, purpose),
    UNIQUE (legal_entity_id, id),
    CHECK (approved_by IS NULL OR created_by IS NULL OR approved_by <> created_by)
);
CREATE INDEX journal_entries_entity_date_idx ON journal_entries (legal_entity_id, entry_date, id);
CREATE UNIQUE INDEX journal_entries_one_reversal_idx ON journal_entries (reverses_id)
    WHERE reverses_id IS NOT NULL;

-- legal_entity_id and entry_date are copied from the entry by trigger (never trusted from the
-- insert) so the trial balance reads one covering index.
CREATE TABLE journal_lines (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id           bigint NOT NULL REFERENCES journal_entries (id),
    legal_entity_id    bigint NOT NULL,
    entry_date         date NOT NULL,
    seq                integer NOT NULL CHECK (seq >= 1),
    ledger_account_id  bigint NOT NULL,
    currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    debit              numeric(20, 4) NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit             numeric(20, 4) NOT NULL DEFAULT 0 CHECK (credit >= 0),
    fx_rate            numeric(20, 10) NOT NULL CHECK (fx_rate > 0),
    functional_debit   numeric(20, 4) NOT NULL DEFAULT 0 CHECK (functional_debit >= 0),
    functional_credit  numeric(20, 4) NOT NULL DEFAULT 0 CHECK (functional_credit >= 0),
    project_id         bigint REFERENCES projects (id),
    client_account_id  bigint REFERENCES accounts (id),
    practice_id        bigint REFERENCES practices (id),
    employee_id        bigint REFERENCES employees (id),
    memo               text CHECK (memo IS NULL OR length(memo) <= 500),
    FOREIGN KEY (legal_entity_id, ledger_account_id) REFERENCES ledger_accounts (legal_entity_id, id),
    CHECK (debit = 0 OR credit = 0),
    CHECK (functional_debit = 0 OR functional_credit = 0),
    CHECK ((debit = 0) = (functional_debit = 0) AND (credit = 0) = (functional_credit = 0)),
    UNIQUE (entry_id, seq)
);
CREATE INDEX journal_lines_tb_idx ON journal_lines (legal_entity_id, entry_date)
    INCLUDE (ledger_account_id, functional_debit, functional_credit);
CREATE INDEX journal_lines_account_idx ON journal_lines (ledger_account_id, entry_date, id);
CREATE INDEX journal_lines_entry_idx ON journal_lines (entry_id);

-- Raised with SQLSTATE KL423 so the service can answer 423 even when only the database knew.
CREATE FUNCTION keel_ledger_period_open(p_entity bigint, p_date date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM accounting_periods
               WHERE legal_entity_id = p_entity
                 AND period_start = date_trunc('month', p_date)::date
                 AND status = 'hard_closed') THEN
        RAISE EXCEPTION 'the accounting period of % is hard-closed for entity %', p_date, p_entity
            USING ERRCODE = 'KL423';
    END IF;
END $$;

CREATE FUNCTION keel_journal_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'journal entries are never deleted; post a reversal'
            USING ERRCODE = 'KL409';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF NEW.legal_entity_id <> OLD.legal_entity_id OR NEW.entry_date <> OLD.entry_date
           OR NEW.source_type <> OLD.source_type OR NEW.source_id <> OLD.source_id
           OR NEW.purpose <> OLD.purpose THEN
            RAISE EXCEPTION 'a journal entry''s entity, date and source never change'
                USING ERRCODE = 'KL409';
        END IF;
        IF OLD.status IN ('reversed', 'rejected')
           OR (OLD.status = 'posted' AND NEW.status NOT IN ('posted', 'reversed')) THEN
            RAISE EXCEPTION 'journal entry % is % and cannot become %', OLD.id, OLD.status,
                NEW.status USING ERRCODE = 'KL409';
        END IF;
    END IF;
    IF NEW.status IN ('pending', 'posted') AND (TG_OP = 'INSERT' OR OLD.status = 'pending') THEN
        PERFORM keel_ledger_period_open(NEW.legal_entity_id, NEW.entry_date);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER journal_entries_guard BEFORE INSERT OR UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION keel_journal_entry_guard();

CREATE FUNCTION keel_journal_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    e journal_entries%ROWTYPE;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'journal lines are immutable; post a reversal' USING ERRCODE = 'KL409';
    END IF;
    SELECT * INTO e FROM journal_entries WHERE id = NEW.entry_id;
    IF e.status <> 'posted' THEN
        RAISE EXCEPTION 'lines go only to a posted entry (entry % is %)', e.id, e.status
            USING ERRCODE = 'KL409';
    END IF;
    NEW.legal_entity_id := e.legal_entity_id;
    NEW.entry_date := e.entry_date;
    PERFORM keel_ledger_period_open(e.legal_entity_id, e.entry_date);
    RETURN NEW;
END $$;
CREATE TRIGGER journal_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION keel_journal_line_guard();

-- Checked at commit, once all lines of the entry are in: functional debits = credits, and a
-- posted entry has lines.
CREATE FUNCTION keel_journal_check_balanced(v_entry bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_status text;
    v_n integer;
    v_dr numeric;
    v_cr numeric;
BEGIN
    SELECT status INTO v_status FROM journal_entries WHERE id = v_entry;
    IF v_status NOT IN ('posted', 'reversed') THEN
        RETURN;
    END IF;
    SELECT count(*), coalesce(sum(functional_debit), 0), coalesce(sum(functional_credit), 0)
      INTO v_n, v_dr, v_cr FROM journal_lines WHERE entry_id = v_entry;
    IF v_n < 2 THEN
        RAISE EXCEPTION 'journal entry % has % line(s); a posting needs at least two', v_entry, v_n
            USING ERRCODE = 'KL422';
    END IF;
    IF v_dr <> v_cr THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: debits % <> credits %', v_entry, v_dr, v_cr
            USING ERRCODE = 'KL422';
    END IF;
END $$;
CREATE FUNCTION keel_journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM keel_journal_check_balanced(NEW.entry_id);
    RETURN NULL;
END $$;
CREATE FUNCTION keel_journal_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM keel_journal_check_balanced(NEW.id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION keel_journal_lines_balanced();
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT OR UPDATE ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION keel_journal_entries_balanced();

-- Manual journals go through the workflow (document type journal_entry): by default a
-- controller approves every one; the workflow refuses self-approval.
INSERT INTO approval_policies
    (document_type, name, fact, operator, threshold_value, threshold_fact, approver_roles, priority)
VALUES
    ('journal_entry', 'Every manual journal entry: a controller', 'amount', '>=', 0, NULL,
     '{controller}', 10);
