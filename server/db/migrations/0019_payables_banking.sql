-- Payables and banking (issue 6): the reads of server/payables and server/banking by entity,
-- bank account and payment, keyset by id.
CREATE INDEX vendor_payments_entity_idx ON vendor_payments (legal_entity_id, id);
CREATE INDEX vendor_payments_bank_idx ON vendor_payments (bank_account_id, payment_date);
CREATE INDEX vendor_payment_allocations_payment_idx ON vendor_payment_allocations (payment_id);
CREATE INDEX customer_receipts_bank_idx ON customer_receipts (bank_account_id, receipt_date);
CREATE INDEX bank_statement_lines_account_idx
    ON bank_statement_lines (bank_account_id, booking_date, id);
CREATE INDEX vendor_bills_entity_id_idx ON vendor_bills (legal_entity_id, id);
