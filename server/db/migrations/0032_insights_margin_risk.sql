-- Insights: margin_risk. GET /insights/margin-risk adds up the approved time of every active
-- project of the scope up to a day (margin_risk_store.cpp); this covers it as an index-only
-- scan per project (no heap visits for the ~100k entries at scale 1).
CREATE INDEX time_entries_margin_risk_idx ON time_entries (project_id, work_date)
    INCLUDE (cost_currency, cost_amount, hours, billable, invoice_id)
    WHERE status IN ('approved', 'invoiced');

-- The route's default day is each entity's latest approved time; walking the entity's entries
-- backwards would first pass every later draft and submitted entry.
CREATE INDEX time_entries_margin_risk_entity_idx ON time_entries (legal_entity_id, work_date)
    WHERE status IN ('approved', 'invoiced');
