-- Analytics, sales family (server/analytics/README.md "Sales metrics"). The sales metrics read
-- the crm tables directly: opportunities and contracts are thousands of rows, not millions, so
-- no aggregate is kept; these indexes keep every call well under 100 ms at the demo's scale.

-- Bookings and backlog: the signed contracts of an entity by signature date.
CREATE INDEX contracts_signed_idx ON contracts (legal_entity_id, signature_date)
    WHERE status <> 'draft';

-- Bookings: the approved change orders of a contract, by approval.
CREATE INDEX contract_change_orders_approved_idx ON contract_change_orders (contract_id, decided_at)
    WHERE status = 'approved';

-- Win rate: when an opportunity reached its current stage (max changed_at per stage).
CREATE INDEX opportunity_stage_history_stage_idx
    ON opportunity_stage_history (opportunity_id, to_stage_id, changed_at);
