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

-- keel_weekdays (0010) as one expression, so the planner inlines it: the capacity beside the
-- weighted pipeline counts the working days of every hard assignment in every month, and the
-- function call per row (its FROM keeps it from being inlined) cost ~15 µs each, most of the
-- metric's time. Same closed form; tst_analytics_sales compares the two.
CREATE FUNCTION analytics_weekdays(p_from date, p_to date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_to < p_from THEN 0 ELSE
        5 * ((p_to - p_from + 1) / 7)
        + greatest(0, least(extract(isodow FROM p_from)::integer - 1 + (p_to - p_from + 1) % 7, 5)
                      - least(extract(isodow FROM p_from)::integer - 1, 5))
        + greatest(0, least(extract(isodow FROM p_from)::integer - 1 + (p_to - p_from + 1) % 7 - 7,
                            5))
    END
$$;
