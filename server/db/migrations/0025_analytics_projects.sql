-- Analytics, project family (server/analytics/README.md "Project metrics"): the aggregate
-- "project_month" and the statement triggers that mark its partitions stale.

-- Per project entity, month and project, in the project entity's functional currency: the time
-- (approved or invoiced), its cost and standard value, what was billed for it (attributed to the
-- month of the work), and the project's expenses and subcontractor bills. Recognised revenue is
-- not here: the metrics read it from analytics_ledger_month.
CREATE TABLE analytics_project_month (
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    month             date NOT NULL CHECK (extract(day FROM month) = 1),
    project_id        bigint NOT NULL,
    hours             numeric(20, 2) NOT NULL DEFAULT 0,
    billable_hours    numeric(20, 2) NOT NULL DEFAULT 0,
    standard_value    numeric(20, 4) NOT NULL DEFAULT 0,
    billed_time_value numeric(20, 4) NOT NULL DEFAULT 0,
    labour_cost       numeric(20, 4) NOT NULL DEFAULT 0,
    expense_cost      numeric(20, 4) NOT NULL DEFAULT 0,
    subcontract_cost  numeric(20, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (legal_entity_id, month, project_id)
);
CREATE INDEX analytics_project_month_project_idx ON analytics_project_month (project_id, month);

-- Realisation's drill-down pages through counted time by date: an ordered scan that stops at
-- the page instead of sorting a year of entries.
CREATE INDEX analytics_time_counted_date_idx ON time_entries (work_date, id)
    WHERE billable AND status IN ('approved', 'invoiced');

-- What billed a time entry, found from the entry (the billed value of time).
CREATE INDEX analytics_billing_sources_time_idx ON billing_sources (source_key)
    WHERE source_kind = 'time_entry';
-- Credit notes of an invoice.
CREATE INDEX analytics_invoices_credits_idx ON invoices (credits_invoice_id)
    WHERE credits_invoice_id IS NOT NULL;

-- Time: only approved or invoiced entries count, so drafts being typed mark nothing.
CREATE FUNCTION analytics_project_time_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(n.work_date))
          FROM new_rows n JOIN projects p ON p.id = n.project_id
         WHERE n.status IN ('approved', 'invoiced');
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(o.work_date))
          FROM old_rows o JOIN projects p ON p.id = o.project_id
         WHERE o.status IN ('approved', 'invoiced');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_project_time_ins AFTER INSERT ON time_entries
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_time_stale();
CREATE TRIGGER analytics_project_time_upd AFTER UPDATE ON time_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_time_stale();
CREATE TRIGGER analytics_project_time_del AFTER DELETE ON time_entries
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_time_stale();

CREATE FUNCTION analytics_project_expense_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(n.expense_date))
          FROM new_rows n JOIN projects p ON p.id = n.project_id
         WHERE n.status IN ('approved', 'invoiced');
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(o.expense_date))
          FROM old_rows o JOIN projects p ON p.id = o.project_id
         WHERE o.status IN ('approved', 'invoiced');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_project_expense_ins AFTER INSERT ON expenses
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_expense_stale();
CREATE TRIGGER analytics_project_expense_upd AFTER UPDATE ON expenses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_expense_stale();
CREATE TRIGGER analytics_project_expense_del AFTER DELETE ON expenses
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_expense_stale();

-- Subcontractors: lines of approved (or paid) bills, dated by the bill. A bill's approval is an
-- update of vendor_bills, its lines are written while it is a draft.
CREATE FUNCTION analytics_project_bill_line_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(b.bill_date))
          FROM new_rows n JOIN vendor_bills b ON b.id = n.bill_id
          JOIN projects p ON p.id = n.project_id;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(b.bill_date))
          FROM old_rows o JOIN vendor_bills b ON b.id = o.bill_id
          JOIN projects p ON p.id = o.project_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_project_bill_line_ins AFTER INSERT ON vendor_bill_lines
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_bill_line_stale();
CREATE TRIGGER analytics_project_bill_line_upd AFTER UPDATE ON vendor_bill_lines
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_bill_line_stale();
CREATE TRIGGER analytics_project_bill_line_del AFTER DELETE ON vendor_bill_lines
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_bill_line_stale();

-- A bill's status or date: payments change amount_paid every day and must not mark anything.
CREATE FUNCTION analytics_project_bill_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- EXECUTE: planned with the transition tables' real sizes (see 0024).
    EXECUTE $q$ SELECT analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                 array_agg(x.bill_date))
      FROM (SELECT n.id, n.bill_date FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE n.status IS DISTINCT FROM o.status OR n.bill_date <> o.bill_date
            UNION
            SELECT o.id, o.bill_date FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE n.status IS DISTINCT FROM o.status OR n.bill_date <> o.bill_date) x
      JOIN vendor_bill_lines l ON l.bill_id = x.id
      JOIN projects p ON p.id = l.project_id $q$;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_project_bill_upd AFTER UPDATE ON vendor_bills
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_bill_stale();

-- Billed value of time: an invoice (or a credit note of it) that is issued, or changes status,
-- marks the work months of the time entries it billed. Write-downs are made on drafts, so the
-- issue carries them.
CREATE FUNCTION analytics_project_invoice_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(te.work_date))
          FROM new_rows n
          JOIN billing_sources bs ON bs.invoice_id = coalesce(n.credits_invoice_id, n.id)
                                 AND bs.source_kind = 'time_entry'
          JOIN time_entries te ON te.id = bs.source_key::uuid
          JOIN projects p ON p.id = te.project_id
         WHERE n.number IS NOT NULL;
    ELSE
        EXECUTE $q$ SELECT analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                     array_agg(te.work_date))
          FROM new_rows n JOIN old_rows o ON o.id = n.id
          JOIN billing_sources bs ON bs.invoice_id = coalesce(n.credits_invoice_id, n.id)
                                 AND bs.source_kind = 'time_entry'
          JOIN time_entries te ON te.id = bs.source_key::uuid
          JOIN projects p ON p.id = te.project_id
         WHERE n.status IS DISTINCT FROM o.status OR n.number IS DISTINCT FROM o.number
            OR n.fx_rate IS DISTINCT FROM o.fx_rate $q$;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_project_invoice_ins AFTER INSERT ON invoices
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_invoice_stale();
CREATE TRIGGER analytics_project_invoice_upd AFTER UPDATE ON invoices
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_invoice_stale();
