-- Analytics (server/analytics/README.md): the bookkeeping of the maintained aggregates and the
-- revenue forecast as it stood at the start of each month. The aggregates themselves (one table
-- per fact) come with their family's migration.

-- Partitions (fact, entity, month) of an aggregate whose detail changed since it was built.
-- Statement-level triggers on the detail tables insert here (set-based, from their transition
-- tables); a reader of the fact rebuilds the stale partitions first (analytics_facts.h).
CREATE TABLE analytics_stale_months (
    fact            text NOT NULL,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    PRIMARY KEY (fact, legal_entity_id, month)
);

-- When each fact was last rebuilt in full (the demo load, a test, `keel-admin`); informative.
CREATE TABLE analytics_fact_builds (
    fact      text PRIMARY KEY,
    built_at  timestamptz NOT NULL DEFAULT now(),
    months    integer NOT NULL DEFAULT 0
);

-- Marks the months of (entity, day) pairs stale for one fact. Trigger functions call it with
-- the pairs of their transition tables: SELECT analytics_mark_stale('fact', entities, days).
CREATE FUNCTION analytics_mark_stale(p_fact text, p_entities bigint[], p_days date[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO analytics_stale_months (fact, legal_entity_id, month)
    SELECT DISTINCT p_fact, e, date_trunc('month', d)::date
      FROM unnest(p_entities, p_days) AS s(e, d)
     WHERE e IS NOT NULL AND d IS NOT NULL
    ON CONFLICT DO NOTHING
$$;

-- The revenue forecast by month as it stood when `snapshot_month` began (taken once per month
-- and entity, never changed): forecast accuracy compares it with what was then recognised.
-- Amounts in the entity's functional currency.
CREATE TABLE revenue_forecast_snapshots (
    snapshot_month  date NOT NULL CHECK (extract(day FROM snapshot_month) = 1),
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    forecast_month  date NOT NULL CHECK (extract(day FROM forecast_month) = 1),
    contract_id     bigint REFERENCES contracts (id),
    amount          numeric(20, 4) NOT NULL,
    currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    taken_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (forecast_month >= snapshot_month)
);
CREATE INDEX revenue_forecast_snapshots_idx
    ON revenue_forecast_snapshots (legal_entity_id, forecast_month, snapshot_month);

-- The ledger by month (fact "ledger_month", finance_metrics.cpp maintains it): functional
-- debits and credits per entity, month, account and the tags the metrics cut by. Revenue,
-- unbilled receivable, deferred revenue, receivables and cash are all read from it; balances at
-- a month's end are the sums of every month up to it.
CREATE TABLE analytics_ledger_month (
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    month             date NOT NULL CHECK (extract(day FROM month) = 1),
    ledger_account_id bigint NOT NULL,
    account_type      text NOT NULL,  -- ledger_accounts.type
    account_role      text,           -- ledger_accounts.role (unbilled_receivable, …)
    account_number    text NOT NULL,
    project_id        bigint,
    client_id         bigint,         -- journal_lines.client_account_id
    practice_id       bigint,
    functional_debit  numeric(20, 4) NOT NULL DEFAULT 0,
    functional_credit numeric(20, 4) NOT NULL DEFAULT 0,
    lines             integer NOT NULL DEFAULT 0
);
CREATE INDEX analytics_ledger_month_idx
    ON analytics_ledger_month (legal_entity_id, account_type, month);
CREATE INDEX analytics_ledger_month_role_idx
    ON analytics_ledger_month (legal_entity_id, account_role, month);

-- Journal lines are insert-only (corrections are new entries), so one trigger keeps the
-- ledger fact's months current.
CREATE FUNCTION analytics_journal_lines_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_stale('ledger_month', array_agg(legal_entity_id),
                                 array_agg(entry_date))
       FROM (SELECT DISTINCT legal_entity_id, date_trunc('month', entry_date)::date AS entry_date
               FROM new_lines) AS changed;
    RETURN NULL;
END $$;
CREATE TRIGGER journal_lines_analytics_stale AFTER INSERT ON journal_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_journal_lines_stale();
