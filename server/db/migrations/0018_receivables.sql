-- Receivables (issue 6, server/receivables): what receipts, allocations and aging need beyond
-- 0016.

-- The receipt's own journal entry (Dr bank / Cr AR at the receipt's rate).
ALTER TABLE customer_receipts ADD COLUMN journal_entry_id bigint REFERENCES journal_entries (id);
CREATE INDEX customer_receipts_unapplied_idx ON customer_receipts (legal_entity_id, account_id)
    WHERE allocated < amount;

-- When an allocation takes effect: the receipt date when allocated with the receipt, the day it
-- was applied for unapplied cash allocated later. Aging and statements at a past date read it.
ALTER TABLE receipt_allocations ADD COLUMN allocated_on date NOT NULL;
-- Aging at a past date finds receipts allocated since then through it.
CREATE INDEX receipt_allocations_on_idx ON receipt_allocations (allocated_on);

-- The day an invoice became paid: aging at a past date finds the invoices paid since then
-- without reading the allocations of every paid invoice.
ALTER TABLE invoices ADD COLUMN paid_on date;
CREATE INDEX invoices_paid_on_idx ON invoices (legal_entity_id, paid_on) WHERE status = 'paid';
-- A credit note reduces the balance of the invoice it credits.
CREATE INDEX invoices_credits_idx ON invoices (credits_invoice_id)
    WHERE credits_invoice_id IS NOT NULL;
