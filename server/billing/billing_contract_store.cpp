#include "billing_contract_store.h"

#include "db/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace keel::billing_contract_store {

QJsonArray list(QSqlDatabase db, const ContractFilter &f)
{
    QString pattern;
    if (!f.q.isEmpty()) {
        pattern = f.q;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
    }
    const QString codes = u'{' + f.entities.join(u',') + u'}';
    // The page is chosen first, so the unbilled time is summed for its rows only. The statuses
    // are those BillingRunEngine::contracts bills.
    QSqlQuery q = db::query(db, QStringLiteral(R"(
WITH page AS (
    SELECT c.id FROM contracts c
    JOIN legal_entities e ON e.id = c.legal_entity_id
    JOIN accounts a ON a.id = c.account_id
    WHERE c.status IN ('signed', 'amended', 'completed', 'terminated')
      AND ('*' = ANY (?::text[]) OR e.code = ANY (?::text[]))
      AND (? = 0 OR c.legal_entity_id = ?)
      AND (coalesce(?, '') = '' OR c.number ILIKE ? OR c.title ILIKE ? OR a.name ILIKE ?)
      AND c.id > ?
    ORDER BY c.id LIMIT ?)
SELECT json_build_object(
    'id', c.id::text, 'legal_entity_id', c.legal_entity_id::text, 'legal_entity', e.code,
    'number', c.number, 'title', c.title, 'account_id', c.account_id::text,
    'account_name', a.name, 'currency', c.currency, 'status', c.status,
    'start_date', c.start_date, 'end_date', c.end_date,
    'billing_models', array_to_json(ARRAY(
        SELECT DISTINCT l.billing_model FROM contract_lines l WHERE l.contract_id = c.id
        ORDER BY 1)),
    'unbilled_time', json_build_object('entries', coalesce(t.entries, 0),
                                       'hours', coalesce(t.hours, 0)::numeric(14, 2)::text)
)::text
FROM page
JOIN contracts c ON c.id = page.id
JOIN legal_entities e ON e.id = c.legal_entity_id
JOIN accounts a ON a.id = c.account_id
LEFT JOIN LATERAL (
    SELECT count(*) AS entries, sum(te.hours - coalesce(cl.claimed, 0)) AS hours
    FROM projects p
    JOIN time_entries te ON te.project_id = p.id AND te.status = 'approved' AND te.billable
    LEFT JOIN LATERAL (
        SELECT sum(bs.hours) AS claimed FROM billing_sources bs
        WHERE bs.source_kind = 'time_entry' AND bs.source_key = te.id::text
          AND bs.released_at IS NULL) cl ON true
    WHERE p.contract_id = c.id AND te.hours - coalesce(cl.claimed, 0) <> 0) t ON true
ORDER BY c.id)"),
                            {codes, codes, f.entityId, f.entityId, pattern, pattern, pattern,
                             pattern, f.after, f.limit});
    QJsonArray out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    return out;
}

} // namespace keel::billing_contract_store
