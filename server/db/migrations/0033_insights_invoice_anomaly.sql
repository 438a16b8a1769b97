-- Insights: invoice_anomaly. Its statements run on indexes earlier migrations already made
-- (invoices_entity_status_idx for the drafts, invoices_contract_idx and invoices_account_idx
-- for the history, billing_sources_line_idx / _invoice_idx for the sources behind a line), so
-- it adds none; the file keeps the migrations' numbers contiguous.
SELECT 1;
