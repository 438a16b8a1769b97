-- The billing run (server/billing, run part). A time entry can be billed in parts: up to a
-- not-to-exceed cap on the invoice and the rest held by a cap_exceeded exception, or covered by a
-- retainer's drawdown and the rest billed as overage. Each part is its own billing_sources row;
-- `part` numbers them (1 for the first claim on a source, the next free number for a later one),
-- so the unique index still proves each part of each source is claimed at most once, under any
-- number of concurrent runs, while source_key stays the source's own id.
ALTER TABLE billing_sources ADD COLUMN part smallint NOT NULL DEFAULT 1 CHECK (part >= 1);
DROP INDEX billing_sources_once;
CREATE UNIQUE INDEX billing_sources_once ON billing_sources (source_kind, source_key, part)
    WHERE released_at IS NULL;
CREATE INDEX billing_sources_exception_idx ON billing_sources (billing_exception_id)
    WHERE billing_exception_id IS NOT NULL;

-- What a contract line has billed so far (not-to-exceed caps, retainer drawdown).
CREATE INDEX invoice_lines_contract_line_idx ON invoice_lines (contract_line_id)
    WHERE contract_line_id IS NOT NULL;

-- What a contract line has billed so far in its currency, net of credit notes (a credit note's
-- lines reduce it whatever their sign); drafts count, cancelled ones do not. Not-to-exceed caps
-- are measured against it by the run and by the release of a cap exception.
CREATE FUNCTION keel_contract_line_billed(p_line bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(CASE WHEN i.kind = 'credit_note' THEN -abs(il.amount)
                             ELSE il.amount END), 0)
    FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
    WHERE il.contract_line_id = p_line AND i.status <> 'cancelled'
$$;
