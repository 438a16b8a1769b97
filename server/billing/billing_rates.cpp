#include "billing_rates.h"

namespace keel::billing_rates {

QString joins()
{
    return QStringLiteral(R"(
LEFT JOIN LATERAL (
    SELECT i.line_id AS item_line, i.rate FROM contract_line_items i
    JOIN contract_lines l ON l.id = i.line_id AND l.billing_model = 'time_and_materials'
    WHERE e.rate_items AND i.contract_id = e.contract_id AND i.kind = 'rate'
      AND i.job_role_id = e.role_id
    ORDER BY l.line_no, i.seq LIMIT 1) ci ON true
LEFT JOIN LATERAL (
    SELECT o.hourly_rate FROM client_rate_overrides o
    WHERE o.account_id = e.account_id AND o.currency = e.currency
      AND o.job_role_id = e.role_id AND o.valid_from <= e.work_date
      AND (o.valid_to IS NULL OR o.valid_to >= e.work_date)
    LIMIT 1) co ON ci.rate IS NULL
LEFT JOIN LATERAL (
    SELECT c.hourly_rate FROM rate_card_rates c
    WHERE c.legal_entity_id = ? AND c.currency = e.currency
      AND c.job_role_id = e.role_id AND c.valid_from <= e.work_date
      AND (c.valid_to IS NULL OR c.valid_to >= e.work_date)
    LIMIT 1) rc ON ci.rate IS NULL AND co.hourly_rate IS NULL
CROSS JOIN LATERAL (
    SELECT ci.item_line, coalesce(ci.rate, co.hourly_rate, rc.hourly_rate) AS rate) r
)");
}

} // namespace keel::billing_rates
