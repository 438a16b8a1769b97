#include "revenue_obligation_store.h"

#include "db/database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::revenue_obligation_store {

namespace {

// What a contract line promises, as an obligation: method by billing model, the price (the
// line's value, else what its schedule, milestones or periods add up to), the service dates (the
// line's, else the contract's).
const QString kLineTerms = QStringLiteral(R"(
SELECT c.legal_entity_id, c.id AS contract_id, l.id AS line_id,
       (SELECT min(p.id) FROM projects p WHERE p.contract_id = c.id) AS project_id,
       CASE l.billing_model WHEN 'time_and_materials' THEN 'time_and_materials'
            WHEN 'fixed_fee' THEN 'poc_cost' WHEN 'milestones' THEN 'milestone'
            ELSE 'straight_line' END AS method,
       CASE WHEN l.value > 0 THEN l.value
            WHEN l.billing_model = 'time_and_materials' THEN coalesce(l.not_to_exceed, 0)
            WHEN l.billing_model IN ('fixed_fee', 'milestones') THEN
                 coalesce((SELECT sum(i.amount) FROM contract_line_items i WHERE i.line_id = l.id
                           AND i.kind IN ('schedule', 'milestone')), 0)
            WHEN l.billing_model = 'retainer' THEN coalesce(l.monthly_amount, 0) * m.months
            ELSE coalesce(l.fee_per_period, 0) * CASE l.period WHEN 'year' THEN ceil(m.months / 12.0)
                 WHEN 'quarter' THEN ceil(m.months / 3.0) ELSE m.months END
       END AS price,
       c.currency, d.start_date, d.end_date
FROM contract_lines l
JOIN contracts c ON c.id = l.contract_id
CROSS JOIN LATERAL (
    SELECT coalesce(l.start_date, c.start_date) AS start_date,
           greatest(coalesce(l.end_date, c.end_date), coalesce(l.start_date, c.start_date))
               AS end_date) d
CROSS JOIN LATERAL (
    SELECT ((extract(year FROM d.end_date) - extract(year FROM d.start_date)) * 12
            + extract(month FROM d.end_date) - extract(month FROM d.start_date) + 1)::numeric
               AS months) m
WHERE c.legal_entity_id = ? AND (? = 0 OR c.id = ?)
  AND c.status IN ('signed', 'amended', 'completed', 'terminated'))");

const QString kSelect = QStringLiteral(R"(
SELECT o.id, o.legal_entity_id, o.contract_id, e.code, o.method, o.version,
       EXISTS (SELECT 1 FROM revenue_recognitions r WHERE r.obligation_id = o.id),
       json_build_object(
         'id', o.id::text, 'legal_entity_id', o.legal_entity_id::text, 'legal_entity', e.code,
         'contract_id', o.contract_id::text, 'contract_number', c.number,
         'contract_title', c.title, 'contract_line_id', o.contract_line_id::text,
         'line_no', l.line_no, 'description', l.description, 'billing_model', l.billing_model,
         'project_id', o.project_id::text, 'method', o.method,
         'transaction_price', json_build_object('amount', o.transaction_price::numeric(20, 2)::text,
                                                'currency', o.currency),
         'start_date', o.start_date, 'end_date', o.end_date,
         'recognised', EXISTS (SELECT 1 FROM revenue_recognitions r WHERE r.obligation_id = o.id),
         'version', o.version)::text
FROM revenue_obligations o
JOIN legal_entities e ON e.id = o.legal_entity_id
JOIN contracts c ON c.id = o.contract_id
JOIN contract_lines l ON l.id = o.contract_line_id )");

RevenueObligationRow rowOf(const QSqlQuery &q)
{
    return {
        q.value(0).toLongLong(), q.value(1).toLongLong(),
        q.value(2).toLongLong(), q.value(3).toString(),
        q.value(4).toString(),   q.value(5).toInt(),
        q.value(6).toBool(),     QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object()};
}

} // namespace

void sync(QSqlDatabase db, qint64 entityId, qint64 contractId)
{
    db::query(db, QStringLiteral("WITH t AS (") + kLineTerms + QStringLiteral(R"()
UPDATE revenue_obligations o SET transaction_price = t.price, start_date = t.start_date,
       end_date = t.end_date, project_id = t.project_id, version = o.version + 1,
       updated_at = now()
FROM t WHERE o.contract_line_id = t.line_id
  AND (o.transaction_price, o.start_date, o.end_date, coalesce(o.project_id, 0))
      IS DISTINCT FROM (t.price, t.start_date, t.end_date, coalesce(t.project_id, 0)))"),
              {entityId, contractId, contractId});
    db::query(db,
              QStringLiteral("INSERT INTO revenue_obligations (legal_entity_id, contract_id, "
                             "contract_line_id, project_id, method, transaction_price, currency, "
                             "start_date, end_date) SELECT t.legal_entity_id, t.contract_id, "
                             "t.line_id, t.project_id, t.method, t.price, t.currency, "
                             "t.start_date, t.end_date FROM (") +
                  kLineTerms +
                  QStringLiteral(") t WHERE NOT EXISTS (SELECT 1 FROM revenue_obligations o "
                                 "WHERE o.contract_line_id = t.line_id) ORDER BY t.line_id "
                                 "ON CONFLICT (contract_line_id) DO NOTHING"),
              {entityId, contractId, contractId});
}

std::optional<RevenueObligationRow> get(QSqlDatabase db, qint64 id, bool forUpdate)
{
    QSqlQuery q = db::query(db,
                            kSelect + QStringLiteral("WHERE o.id = ?") +
                                (forUpdate ? QStringLiteral(" FOR UPDATE OF o") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return rowOf(q);
}

QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId, qint64 contractId,
                qint64 after, int limit)
{
    const QString codes = u'{' + entities.join(u',') + u'}';
    QSqlQuery q = db::query(
        db,
        kSelect + QStringLiteral("WHERE ('*' = ANY (?::text[]) OR e.code = ANY (?::text[])) "
                                 "AND (? = 0 OR o.legal_entity_id = ?) "
                                 "AND (? = 0 OR o.contract_id = ?) AND o.id > ? "
                                 "ORDER BY o.id LIMIT ?"),
        {codes, codes, entityId, entityId, contractId, contractId, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(rowOf(q).json);
    return out;
}

void setMethod(QSqlDatabase db, qint64 id, const QString &method)
{
    db::query(db,
              QStringLiteral("UPDATE revenue_obligations SET method = ?, version = version + 1, "
                             "updated_at = now() WHERE id = ?"),
              {method, id});
}

} // namespace keel::revenue_obligation_store
