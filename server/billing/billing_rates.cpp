#include "billing_rates.h"

#include "db/database.h"

namespace keel::billing_rates {

void resolve(QSqlDatabase db, qint64 legalEntityId)
{
    // Resolved once per distinct (contract, role, day): entries of a team on one day share it.
    db::query(db, QStringLiteral(R"(
WITH k AS (
    SELECT DISTINCT contract_id, account_id, currency, role_id, work_date FROM br_time),
r AS (
    SELECT k.contract_id, k.role_id, k.work_date, ci.line_id AS item_line,
           coalesce(ci.rate, co.hourly_rate, rc.hourly_rate) AS rate
    FROM k
    LEFT JOIN LATERAL (
        SELECT i.line_id, i.rate FROM contract_line_items i
        JOIN contract_lines l ON l.id = i.line_id AND l.billing_model = 'time_and_materials'
        WHERE i.contract_id = k.contract_id AND i.kind = 'rate' AND i.job_role_id = k.role_id
        ORDER BY l.line_no, i.seq LIMIT 1) ci ON true
    LEFT JOIN LATERAL (
        SELECT o.hourly_rate FROM client_rate_overrides o
        WHERE o.account_id = k.account_id AND o.currency = k.currency
          AND o.job_role_id = k.role_id AND o.valid_from <= k.work_date
          AND (o.valid_to IS NULL OR o.valid_to >= k.work_date)
        LIMIT 1) co ON true
    LEFT JOIN LATERAL (
        SELECT c.hourly_rate FROM rate_card_rates c
        WHERE c.legal_entity_id = ? AND c.currency = k.currency
          AND c.job_role_id = k.role_id AND c.valid_from <= k.work_date
          AND (c.valid_to IS NULL OR c.valid_to >= k.work_date)
        LIMIT 1) rc ON true)
UPDATE br_time b
SET rate = r.rate,
    line_id = CASE WHEN b.model = 'tm' THEN coalesce(r.item_line, b.line_id) ELSE b.line_id END
FROM r
WHERE r.contract_id = b.contract_id AND r.role_id = b.role_id AND r.work_date = b.work_date)"),
              {legalEntityId});
}

} // namespace keel::billing_rates
