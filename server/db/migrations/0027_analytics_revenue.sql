-- Analytics, revenue and billing family (server/analytics/README.md "Revenue and billing
-- metrics"): the record of which forecast snapshots were taken, the billing aggregate behind
-- write_off_rate and invoice_cycle_time, the triggers that keep it current and the indexes the
-- drill-downs read.

-- One row per snapshot taken (revenue_forecast_snapshots, 0023): an entity whose forecast was
-- empty still has its snapshot, so forecast accuracy can tell "forecast nothing" from "no
-- snapshot", and a second take is a no-op.
CREATE TABLE revenue_forecast_snapshot_takes (
    snapshot_month  date NOT NULL CHECK (extract(day FROM snapshot_month) = 1),
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    row_count       integer NOT NULL DEFAULT 0,
    taken_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (legal_entity_id, snapshot_month)
);

-- The rate of a day from one currency into another as the ledger's lookup reads it
-- (server/ledger/fx_rates: the latest on or before the day, six places); 1 for the same
-- currency, NULL without one. Every conversion of this family goes through it.
CREATE FUNCTION analytics_fx_rate(p_from char(3), p_to char(3), p_day date)
RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_from = p_to THEN 1::numeric
                ELSE (SELECT round(x.rate, 6) FROM fx_rates x
                       WHERE x.from_currency = p_from AND x.to_currency = p_to
                         AND x.rate_date <= p_day
                       ORDER BY x.rate_date DESC LIMIT 1) END
$$;

-- The fact "billing_month": issued invoices and written-off billing exceptions per entity, month
-- (of the invoice date; of the write-off for exceptions), client, project and source. Functional
-- amounts, each line converted at its invoice's rate and rounded to the cent.
--   source 'invoice_line': billable_value = gross, written_off = approved write-down
--   source 'exception':    billable_value = written_off = the written-off excess
--   source 'time_entry' | 'expense' | 'milestone': cycle_days = Σ (invoice date − event date),
--                          items = how many sources
CREATE TABLE analytics_billing_month (
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    client_id       bigint,
    project_id      bigint,
    source          text NOT NULL,
    billable_value  numeric(20, 4) NOT NULL DEFAULT 0,
    written_off     numeric(20, 4) NOT NULL DEFAULT 0,
    cycle_days      bigint NOT NULL DEFAULT 0,
    items           integer NOT NULL DEFAULT 0
);
CREATE INDEX analytics_billing_month_idx ON analytics_billing_month (legal_entity_id, month);

-- Issued invoices of an entity by date: the fact's rebuild and the drill-downs of one month.
CREATE INDEX invoices_issued_date_idx ON invoices (legal_entity_id, invoice_date)
    WHERE number IS NOT NULL;
-- Milestones due by date (milestones_due reads the detail: a few thousand rows at scale 1).
CREATE INDEX project_milestones_planned_idx ON project_milestones (planned_date);

-- Invoices: only what changes the fact marks it (payments and dunning update invoices often).
CREATE FUNCTION analytics_invoices_billing_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_stale('billing_month', array_agg(legal_entity_id),
                                 array_agg(invoice_date))
       FROM new_rows WHERE number IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_analytics_billing_insert AFTER INSERT ON invoices
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_invoices_billing_insert();

CREATE FUNCTION analytics_invoices_billing_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- EXECUTE: planned with the transition tables' real sizes (see 0024).
    EXECUTE $q$ SELECT analytics_mark_stale('billing_month', array_agg(v.entity), array_agg(v.day))
       FROM (SELECT n.legal_entity_id AS ne, n.invoice_date AS nd, o.legal_entity_id AS oe,
                    o.invoice_date AS od
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE (n.number IS NOT NULL OR o.number IS NOT NULL)
                AND (n.number IS DISTINCT FROM o.number
                     OR (n.status = 'voided') <> (o.status = 'voided')
                     OR n.invoice_date <> o.invoice_date OR n.legal_entity_id <> o.legal_entity_id
                     OR n.account_id <> o.account_id OR n.kind <> o.kind
                     OR n.project_id IS DISTINCT FROM o.project_id
                     OR n.fx_rate IS DISTINCT FROM o.fx_rate)) AS c,
            LATERAL (VALUES (c.ne, c.nd), (c.oe, c.od)) AS v(entity, day) $q$;
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_analytics_billing_update AFTER UPDATE ON invoices
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_invoices_billing_update();

CREATE FUNCTION analytics_invoices_billing_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_stale('billing_month', array_agg(legal_entity_id),
                                 array_agg(invoice_date))
       FROM old_rows WHERE number IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_analytics_billing_delete AFTER DELETE ON invoices
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_invoices_billing_delete();

-- Billing sources of issued invoices (a credit note releasing them changes cycle time).
CREATE FUNCTION analytics_billing_sources_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM analytics_mark_stale('billing_month', array_agg(i.legal_entity_id),
                                     array_agg(i.invoice_date))
           FROM new_rows s JOIN invoices i ON i.id = s.invoice_id WHERE i.number IS NOT NULL;
    ELSE
        PERFORM analytics_mark_stale('billing_month', array_agg(i.legal_entity_id),
                                     array_agg(i.invoice_date))
           FROM old_rows s JOIN invoices i ON i.id = s.invoice_id WHERE i.number IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER billing_sources_analytics_insert AFTER INSERT ON billing_sources
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_billing_sources_stale();
CREATE TRIGGER billing_sources_analytics_update AFTER UPDATE ON billing_sources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_billing_sources_stale();
CREATE TRIGGER billing_sources_analytics_delete AFTER DELETE ON billing_sources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_billing_sources_stale();

-- Billing exceptions count in the month of their write-off (UTC date of resolved_at).
CREATE FUNCTION analytics_billing_exceptions_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM analytics_mark_stale('billing_month', array_agg(legal_entity_id),
            array_agg((coalesce(resolved_at, created_at) AT TIME ZONE 'UTC')::date))
           FROM new_rows WHERE status = 'written_off';
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM analytics_mark_stale('billing_month', array_agg(legal_entity_id),
            array_agg((coalesce(resolved_at, created_at) AT TIME ZONE 'UTC')::date))
           FROM (SELECT legal_entity_id, resolved_at, created_at, status FROM new_rows
                 UNION ALL
                 SELECT legal_entity_id, resolved_at, created_at, status FROM old_rows) AS r
          WHERE status = 'written_off';
    ELSE
        PERFORM analytics_mark_stale('billing_month', array_agg(legal_entity_id),
            array_agg((coalesce(resolved_at, created_at) AT TIME ZONE 'UTC')::date))
           FROM old_rows WHERE status = 'written_off';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER billing_exceptions_analytics_insert AFTER INSERT ON billing_exceptions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_billing_exceptions_stale();
CREATE TRIGGER billing_exceptions_analytics_update AFTER UPDATE ON billing_exceptions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_billing_exceptions_stale();
CREATE TRIGGER billing_exceptions_analytics_delete AFTER DELETE ON billing_exceptions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_billing_exceptions_stale();

-- The live revenue forecast of the current and later months, as revenue_vs_forecast shows it:
-- the forecast query costs about 0.1 s per call at scale 1, so it is kept here per entity and
-- recomputed when older than five minutes (revenue_live_forecast.cpp). Contract currency and
-- functional (at the rate of the day it was computed).
CREATE TABLE analytics_live_forecast (
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    contract_id     bigint,
    amount          numeric(20, 4) NOT NULL,
    currency        char(3) NOT NULL,
    functional      numeric(20, 4) NOT NULL
);
CREATE INDEX analytics_live_forecast_idx ON analytics_live_forecast (legal_entity_id, month);

CREATE TABLE analytics_live_forecast_runs (
    legal_entity_id bigint PRIMARY KEY REFERENCES legal_entities (id),
    from_month      date NOT NULL,
    to_month        date NOT NULL,
    computed_at     timestamptz NOT NULL DEFAULT now()
);
